using FlexPay.Admin.Identity;
using FlexPay.Core.Accounts;
using FlexPay.Core.Audit;
using FlexPay.Core.Recovery;

namespace FlexPay.Admin.Accounts;

/// <summary>A FlexPay API key as the Settings screen lists it: never the key, only its masked hint, and whether it must be entered again.</summary>
public sealed record AccountRow(string Company, FlexPayMode Mode, string KeyHint, DateTimeOffset CreatedAt, DateTimeOffset KeyChangedAt, bool NeedsReentry);

public sealed record AccountOutcome(bool Succeeded, string Message);

/// <summary>
/// The Settings screen's server side for FlexPay keys. Each call checks <see cref="Policies.CanAdministerSystem"/>
/// for the signed-in user; keys go in and never come back out.
/// </summary>
public sealed class AccountAdministration(ConsoleActor actor, IFlexPayAccounts accounts, WaitingChains waitingChains, AuditTrail audit)
{
    private const string NotAllowed = "Only an administrator can change FlexPay keys.";

    public async Task<IReadOnlyList<AccountRow>> ListAsync()
    {
        if (!await actor.MayAsync(Policies.CanAdministerSystem))
        {
            return [];
        }
        return [.. accounts.List().OrderBy(a => a.Company, StringComparer.Ordinal)
            .Select(a => new AccountRow(a.Company, a.Mode, a.KeyHint, a.CreatedAt, a.KeyChangedAt, accounts.NeedsReentry(a.Company)))];
    }

    public Task<AccountOutcome> AddAsync(string company, FlexPayMode mode, string apiKey) => ChangeAsync("flexpay-key.add", company, async () =>
    {
        var account = await accounts.AddAsync(company, mode, apiKey);
        return $"Key for '{account.Company}' saved ({account.KeyHint}).";
    });

    public Task<AccountOutcome> ReplaceKeyAsync(string company, string apiKey) => ChangeAsync("flexpay-key.replace", company, async () =>
    {
        var account = await accounts.ReplaceKeyAsync(company, apiKey);
        var wentOn = await waitingChains.GoOnWhereReadyAsync();
        return wentOn == 0
            ? $"Key for '{account.Company}' replaced ({account.KeyHint})."
            : $"Key for '{account.Company}' replaced ({account.KeyHint}); {wentOn} waiting recoveries go on.";
    });

    public Task<AccountOutcome> RemoveAsync(string company) => ChangeAsync("flexpay-key.remove", company, async () =>
    {
        await accounts.RemoveAsync(company);
        return $"'{company}' removed.";
    });

    /// <summary>Checks the policy, makes the change and records it in the audit log (only the key's masked hint, never the key).</summary>
    private async Task<AccountOutcome> ChangeAsync(string action, string company, Func<Task<string>> change)
    {
        var target = $"FlexPay account {company}";
        if (await actor.AllowedAsync(Policies.CanAdministerSystem, $"change the FlexPay key of {company}") is null)
        {
            await audit.RecordAsync(action, target, AuditOutcome.Refused, NotAllowed);
            return new AccountOutcome(false, NotAllowed);
        }
        try
        {
            var message = await change();
            await audit.RecordAsync(action, target, AuditOutcome.Succeeded, message);
            return new AccountOutcome(true, message);
        }
        catch (AccountRuleException ex)
        {
            await audit.RecordAsync(action, target, AuditOutcome.Refused, ex.Message);
            return new AccountOutcome(false, ex.Message);
        }
    }
}
