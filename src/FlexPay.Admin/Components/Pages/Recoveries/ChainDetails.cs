using FlexPay.Core.Certification;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Components.Pages.Recoveries;

/// <summary>One chain with its attempts (in the order they were made) and refunds, read without tracking.</summary>
public sealed class ChainDetails(IDbContextFactory<FlexPayDbContext> dbFactory)
{
    public async Task<RecoveryChain?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Chains.AsNoTracking().WithHistory().SingleOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>The certification run that made the chain, or null for a real payment.</summary>
    public async Task<Guid?> CertificationRunOfAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Chains.RunOfChainAsync(id, ct);
    }

    /// <summary>Attempts oldest first: by due time, a resumed attempt after the one it replaces.</summary>
    public static IReadOnlyList<RecoveryAttempt> InOrder(IEnumerable<RecoveryAttempt> attempts) =>
        [.. attempts.OrderBy(a => a.DueAt).ThenBy(a => a.SentAt ?? DateTimeOffset.MaxValue).ThenBy(a => a.Id)];
}
