using FlexPay.Core.Accounts;
using FlexPay.Core.Audit;
using FlexPay.Core.Certification;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlexPay.Core.Gateways;

/// <summary>
/// What staff and the billing system do to gateways. Each change is saved with what it leaves to send
/// to FlexPay, then handed to the scheduler; <see cref="GatewaySynchronizer"/> does the sending.
/// </summary>
public sealed class GatewayService(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    IFlexPayAccounts accounts,
    [FromKeyedServices(SecretKinds.GatewayCredentials)] ISecretProtector protector,
    IGatewaySyncScheduler scheduler,
    CertificationScope certification,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<GatewayService> logger)
{
    private const int MaxConcurrencyRetries = 5;

    public async Task<IReadOnlyList<Gateway>> ListAsync(string? company = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Gateways.AsNoTracking();
        if (company is not null)
        {
            query = query.Where(g => g.Company == company);
        }
        return CheckCredentials(await query.OrderBy(g => g.Company).ThenBy(g => g.Name).ToListAsync(ct));
    }

    public async Task<Gateway> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return CheckCredentials([await db.Gateways.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new GatewayNotFoundException(id)])[0];
    }

    /// <summary>
    /// Marks the gateways whose credentials this install can no longer decrypt (a lost key ring), so the screens and
    /// the API can ask for them again (<see cref="Gateway.CredentialsNeedReentry"/>).
    /// </summary>
    public IReadOnlyList<Gateway> CheckCredentials(IReadOnlyList<Gateway> gateways)
    {
        foreach (var gateway in gateways)
        {
            gateway.CheckCredentials(protector);
        }
        return gateways;
    }

    /// <summary>
    /// Defines a gateway (disabled unless <see cref="GatewayDraft.Enabled"/>). Invalid input stores nothing. One a
    /// certification run defines is tagged with it in the same save (<see cref="CertificationTag"/>).
    /// </summary>
    public async Task<GatewayResult> CreateAsync(GatewayDraft draft, CancellationToken ct = default)
    {
        var validation = await new GatewayDraftValidator(accounts, creating: true).ValidateAsync(draft, ct);
        if (!validation.IsValid)
        {
            await audit.RecordAsync("gateway.create", $"gateway {draft.Name}", AuditOutcome.Refused, Summarize(validation.Errors.Select(e => e.ErrorMessage)), ct);
            return new GatewayResult(null) { Errors = validation.ToDictionary().AsReadOnly() };
        }

        var now = clock.GetUtcNow();
        var company = draft.Company ?? accounts.DefaultCompany;
        var gateway = Gateway.Define(draft.Name, company, draft, now);
        if (draft.Credentials is { } credentials)
        {
            gateway.ReplaceCredentials(GatewayCredentials.Seal(protector, credentials), [.. credentials.Keys], now);
        }
        if (draft.Enabled == true)
        {
            gateway.Enable(now);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Gateways.AnyAsync(g => g.Company == gateway.Company && g.Name == gateway.Name, ct))
        {
            return NameTaken(gateway.Name, gateway.Company);
        }
        db.Gateways.Add(gateway).TagFor(certification);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return NameTaken(gateway.Name, gateway.Company);
        }
        logger.Defined(gateway.Id, gateway.Name, gateway.Company);
        await audit.RecordAsync("gateway.create", Target(gateway), AuditOutcome.Succeeded,
            $"{gateway.Profile.GatewayType} for {gateway.Company}, {gateway.DesiredState}; credentials: {Summarize(gateway.CredentialKeys)}", ct);
        ScheduleIfPending(gateway);
        return new GatewayResult(gateway);
    }

    /// <summary>
    /// Changes the gateway to what <paramref name="change"/> makes of its draft as stored (it runs again on a fresher
    /// row if a sync run saved meanwhile). Throws <see cref="GatewayRuleException"/> for a move FlexPay does not allow
    /// (renaming, or changing the company of, a gateway FlexPay has).
    /// </summary>
    public async Task<GatewayResult> UpdateAsync(Guid id, Func<GatewayDraft, GatewayDraft> change, CancellationToken ct = default)
    {
        var changes = change(GatewayDraft.Of(await GetAsync(id, ct)));
        var validation = await new GatewayDraftValidator(accounts, creating: false).ValidateAsync(changes, ct);
        if (!validation.IsValid)
        {
            return new GatewayResult(null) { Errors = validation.ToDictionary().AsReadOnly() };
        }
        var credentials = changes.Credentials;
        var sealedCredentials = credentials is null ? null : GatewayCredentials.Seal(protector, credentials);
        try
        {
            var detail = credentials is null ? "settings" : $"settings; credentials replaced ({Summarize(credentials.Keys)})";
            var gateway = await ChangeAsync(id, "update", detail, g =>
            {
                var now = clock.GetUtcNow();
                var draft = change(GatewayDraft.Of(g));
                g.Rename(draft.Name, now);
                g.MoveToCompany(draft.Company ?? g.Company, now);
                g.ChangeProfile(draft, now);
                if (sealedCredentials is not null)
                {
                    g.ReplaceCredentials(sealedCredentials, [.. credentials!.Keys], now);
                }
            }, ct);
            return new GatewayResult(gateway);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            return NameTaken(changes.Name, changes.Company ?? "");
        }
    }

    public Task<Gateway> EnableAsync(Guid id, CancellationToken ct = default) =>
        ChangeAsync(id, "enable", "enabled", g => g.Enable(clock.GetUtcNow()), ct);

    /// <summary>
    /// Sets the gateway RefundOnly at FlexPay. When open recoveries would send their next attempt with its
    /// token (and so be declined), nothing changes unless <paramref name="confirmed"/>: the result lists them.
    /// </summary>
    public async Task<GatewayDisableResult> DisableAsync(Guid id, bool confirmed, CancellationToken ct = default)
    {
        var bound = await ChainsBoundToAsync(id, ct);
        if (bound.Count > 0 && !confirmed)
        {
            return new GatewayDisableResult(await GetAsync(id, ct), Disabled: false, bound);
        }
        var gateway = await ChangeAsync(id, "disable", confirmed ? $"set RefundOnly; {bound.Count} scheduled retries confirmed" : "set RefundOnly", g => g.Disable(clock.GetUtcNow()), ct);
        return new GatewayDisableResult(gateway, Disabled: true, bound);
    }

    public Task<Gateway> RetrySyncAsync(Guid id, CancellationToken ct = default) =>
        ChangeAsync(id, "resync", "sync retried", g => g.RetrySync(clock.GetUtcNow()), ct);

    /// <summary>
    /// Open recoveries whose next attempt will be sent with this gateway's token: pinned to it, or with
    /// an attempt waiting (or to be resumed) that carries it as <c>gatewayToken</c>.
    /// </summary>
    public async Task<IReadOnlyList<BoundChain>> ChainsBoundToAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.Gateways.Where(g => g.Id == id).Select(g => new { g.FlexPayToken }).SingleOrDefaultAsync(ct)
            ?? throw new GatewayNotFoundException(id);
        return token.FlexPayToken is null ? [] : await ChainsSendingWithAsync(db, token.FlexPayToken, ct);
    }

    internal static async Task<IReadOnlyList<BoundChain>> ChainsSendingWithAsync(FlexPayDbContext db, string token, CancellationToken ct)
    {
        var open = ChainStateGroups.Open;
        AttemptStatus[] pending = [AttemptStatus.Scheduled, AttemptStatus.Sending, AttemptStatus.OutcomeUnknown, AttemptStatus.Rejected];
        return await db.Chains.AsNoTracking()
            .Where(c => open.Contains(c.State)
                && (c.PinnedGatewayToken == token || c.Attempts.Any(a => pending.Contains(a.Status) && a.GatewayTokenSent == token)))
            .OrderBy(c => c.NextAttemptDueAt)
            .Select(c => new BoundChain(c.Id, c.ExternalId, c.OrderId, c.CurrencyCode, c.State, c.NextAttemptDueAt, c.PinnedGatewayToken == token))
            .ToListAsync(ct);
    }

    private Task<Gateway> ChangeAsync(Guid id, string action, string change, Action<Gateway> apply, CancellationToken ct) =>
        audit.RecordAsync($"gateway.{action}", $"gateway {id}", () => ApplyAsync(id, change, apply, ct), g => (AuditOutcome.Succeeded, $"{Target(g)}: {change}"), ct);

    private static string Target(Gateway gateway) => $"gateway {gateway.Name} ({gateway.Id})";

    /// <summary>Names only: credential values never reach the audit log.</summary>
    private static string Summarize(IEnumerable<string> items) => string.Join(", ", items) is { Length: > 0 } joined ? joined : "none";

    private async Task<Gateway> ApplyAsync(Guid id, string change, Action<Gateway> apply, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            var gateway = await db.Gateways.SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new GatewayNotFoundException(id);
            apply(gateway);
            try
            {
                await db.SaveChangesAsync(ct);
                logger.Changed(gateway.Id, change, gateway.SyncState);
                ScheduleIfPending(gateway);
                return CheckCredentials([gateway])[0];
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxConcurrencyRetries)
            {
                // A sync run saved its result meanwhile: apply the change again to the fresh row.
                db.ChangeTracker.Clear();
            }
        }
    }

    private void ScheduleIfPending(Gateway gateway)
    {
        if (gateway.SyncState == GatewaySyncState.Pending)
        {
            scheduler.ScheduleSync(gateway.Id, gateway.NextSyncAt ?? clock.GetUtcNow());
        }
    }

    private static GatewayResult NameTaken(string name, string company) => new(null)
    {
        Errors = new Dictionary<string, string[]> { ["Name"] = [$"A gateway named '{name}' already exists for company '{company}'."] },
    };
}
