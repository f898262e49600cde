using System.Diagnostics.CodeAnalysis;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Secrets;
using FlexPay.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Accounts;

/// <summary>
/// The accounts in our database, with their keys encrypted by the <see cref="SecretKinds.FlexPayApiKey"/>
/// protector. Every request signs with a key, so the decrypted keys are held in memory and reloaded
/// after each change made through this (singleton) service, and on PostgreSQL also every
/// <see cref="OtherNodesChangesSeenWithin"/>, for the changes made on other nodes. A key this install can no longer
/// decrypt (a lost key ring) leaves its account listed and marked for re-entry instead of stopping every other company.
/// </summary>
public sealed class FlexPayAccounts(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    [FromKeyedServices(SecretKinds.FlexPayApiKey)] ISecretProtector protector,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    ILogger<FlexPayAccounts> logger) : IFlexPayAccounts, IDisposable
{
    public const string DefaultCompanyName = "default";

    /// <summary>On PostgreSQL, how soon a key added, replaced or removed on another node is used here.</summary>
    public static readonly TimeSpan OtherNodesChangesSeenWithin = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _writes = new(1, 1);
    private volatile Snapshot? _snapshot;
    private int _generation;

    public string DefaultCompany
    {
        get
        {
            var accounts = Current().Accounts;
            return accounts.Any(a => a.Company == DefaultCompanyName) || accounts.Count == 0
                ? DefaultCompanyName
                : accounts.OrderBy(a => a.CreatedAt).First().Company;
        }
    }

    public bool Exists(string company)
    {
        var current = Current();
        return current.Keys.ContainsKey(company) || current.Unreadable.Contains(company);
    }

    public FlexPayApiKey GetApiKey(string company) =>
        TryGetApiKey(company, out var key) ? key
        : NeedsReentry(company) ? throw new SecretNeedsReentryException(
            $"The FlexPay API key of company '{company}' can no longer be decrypted (its key ring is gone); enter it again on Settings.")
        : throw new InvalidOperationException($"No FlexPay account (API key) exists for company '{company}'.");

    public bool TryGetApiKey(string company, [NotNullWhen(true)] out FlexPayApiKey? key) => Current().Keys.TryGetValue(company, out key);

    public bool NeedsReentry(string company) => Current().Unreadable.Contains(company);

    public IReadOnlyList<FlexPayAccount> List() => Current().Accounts;

    public async Task<FlexPayAccount> AddAsync(string company, FlexPayMode mode, string apiKey, CancellationToken ct = default)
    {
        company = CheckCompany(company);
        CheckKey(apiKey);
        if (!Enum.IsDefined(mode))
        {
            throw new AccountRuleException($"'{mode}' is not a mode; use Sandbox or Live.");
        }
        return await WriteAsync(async db =>
        {
            if (await db.Accounts.AnyAsync(a => a.Company == company, ct))
            {
                throw new AccountRuleException($"A FlexPay account named '{company}' already exists; replace its key instead.");
            }
            var account = new FlexPayAccount(company, mode, protector.Protect(apiKey), SecretMask.Hint(apiKey), clock.GetUtcNow());
            db.Accounts.Add(account);
            await db.SaveChangesAsync(ct);
            logger.AccountAdded(company, mode, account.KeyHint);
            return account;
        }, ct);
    }

    public async Task<FlexPayAccount> ReplaceKeyAsync(string company, string apiKey, CancellationToken ct = default)
    {
        CheckKey(apiKey);
        return await WriteAsync(async db =>
        {
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.Company == company, ct)
                ?? throw new AccountRuleException($"There is no FlexPay account named '{company}'.");
            account.ReplaceKey(protector.Protect(apiKey), SecretMask.Hint(apiKey), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            logger.KeyReplaced(company, account.KeyHint);
            return account;
        }, ct);
    }

    public async Task RemoveAsync(string company, CancellationToken ct = default) =>
        await WriteAsync(async db =>
        {
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.Company == company, ct)
                ?? throw new AccountRuleException($"There is no FlexPay account named '{company}'.");
            if (await db.Gateways.AnyAsync(g => g.Company == company, ct))
            {
                throw new AccountRuleException($"Gateways still belong to '{company}'; move or delete them first.");
            }
            var open = ChainStateGroups.Open;
            if (await db.Chains.AnyAsync(c => c.Company == company && open.Contains(c.State), ct))
            {
                throw new AccountRuleException($"Open recoveries are sent with the key of '{company}'; they would fail without it.");
            }
            db.Accounts.Remove(account);
            await db.SaveChangesAsync(ct);
            logger.AccountRemoved(company);
            return account;
        }, ct);

    private async Task<FlexPayAccount> WriteAsync(Func<FlexPayDbContext, Task<FlexPayAccount>> write, CancellationToken ct)
    {
        await _writes.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            try
            {
                return await write(db);
            }
            catch (DbUpdateException)
            {
                throw new AccountRuleException("The FlexPay accounts changed at the same moment; reload and try again.");
            }
        }
        finally
        {
            Interlocked.Increment(ref _generation);
            _snapshot = null;
            _writes.Release();
        }
    }

    private Snapshot Current()
    {
        if (_snapshot is { } snapshot && (!storage.Value.IsPostgres || clock.GetUtcNow() - snapshot.ReadAt < OtherNodesChangesSeenWithin))
        {
            return snapshot;
        }
        // A reader racing a write must not cache what it read before the write committed.
        var generation = Volatile.Read(ref _generation);
        using var db = dbFactory.CreateDbContext();
        var accounts = db.Accounts.AsNoTracking().OrderBy(a => a.CreatedAt).ToList();
        var keys = new Dictionary<string, FlexPayApiKey>(StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            if (protector.TryUnprotect(account.ProtectedApiKey, out var key))
            {
                keys[account.Company] = new FlexPayApiKey(key);
            }
            else
            {
                unreadable.Add(account.Company);
            }
        }
        // Said once, not at every reading.
        if (unreadable.Count > 0 && _snapshot?.Unreadable.SetEquals(unreadable) != true)
        {
            logger.KeysNeedReentry(string.Join(", ", unreadable));
        }
        snapshot = new Snapshot(accounts, keys, unreadable, clock.GetUtcNow());
        if (generation == Volatile.Read(ref _generation))
        {
            _snapshot = snapshot;
        }
        return snapshot;
    }

    private static string CheckCompany(string company)
    {
        var trimmed = company?.Trim() ?? "";
        if (trimmed.Length is 0 or > TextLimits.Company || !TextRules.IsPlain(trimmed))
        {
            throw new AccountRuleException($"A company name must be 1 to {TextLimits.Company} characters of plain text.");
        }
        return trimmed;
    }

    private static void CheckKey(string apiKey)
    {
        if (string.IsNullOrWhiteSpace(apiKey) || apiKey.Length > TextLimits.FlexPayApiKey || apiKey.Any(char.IsWhiteSpace) || !TextRules.IsPlain(apiKey))
        {
            throw new AccountRuleException($"A FlexPay API key is 1 to {TextLimits.FlexPayApiKey} characters without spaces or hidden characters.");
        }
    }

    public void Dispose() => _writes.Dispose();

    private sealed record Snapshot(
        IReadOnlyList<FlexPayAccount> Accounts, IReadOnlyDictionary<string, FlexPayApiKey> Keys, IReadOnlySet<string> Unreadable, DateTimeOffset ReadAt);
}
