using FlexPay.Core.Gateways;
using FlexPay.Core.Recovery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace FlexPay.Core.Certification;

/// <summary>
/// What marks a recovery chain or a gateway as made by a certification run: a nullable run id column on both, kept off
/// the domain classes (no recovery or sync rule behaves differently for it) and read or written only here, so "hidden
/// unless asked for" is declared once for the screens, the API, the exports and the webhooks (docs/decisions/015).
/// Attempts and refunds belong to their chain and carry its tag through it.
/// </summary>
public static class CertificationTag
{
    /// <summary>The shadow property (and column) on <c>Chains</c> and <c>Gateways</c>.</summary>
    public const string RunId = "CertificationRunId";

    /// <summary>
    /// The rows a run made, in SQL: the filter of the partial indexes on the tag (a run's rows are few), and what a raw
    /// query negates to leave them out.
    /// </summary>
    public const string TaggedSql = "\"" + RunId + "\" IS NOT NULL";

    /// <summary>The chains a list shows: certification chains only when <paramref name="includeCertification"/>.</summary>
    public static IQueryable<RecoveryChain> Shown(this IQueryable<RecoveryChain> chains, bool includeCertification) =>
        includeCertification ? chains : chains.Where(c => EF.Property<Guid?>(c, RunId) == null);

    /// <summary>The gateways a list or a figure counts: certification gateways only when <paramref name="includeCertification"/>.</summary>
    public static IQueryable<Gateway> Shown(this IQueryable<Gateway> gateways, bool includeCertification) =>
        includeCertification ? gateways : gateways.Where(g => EF.Property<Guid?>(g, RunId) == null);

    /// <summary>The chains any run made.</summary>
    public static IQueryable<RecoveryChain> Tagged(this IQueryable<RecoveryChain> chains) =>
        chains.Where(c => EF.Property<Guid?>(c, RunId) != null);

    /// <summary>The gateways any run made.</summary>
    public static IQueryable<Gateway> Tagged(this IQueryable<Gateway> gateways) =>
        gateways.Where(g => EF.Property<Guid?>(g, RunId) != null);

    public static IQueryable<RecoveryChain> OfRun(this IQueryable<RecoveryChain> chains, Guid runId) =>
        chains.Where(c => EF.Property<Guid?>(c, RunId) == runId);

    public static IQueryable<Gateway> OfRun(this IQueryable<Gateway> gateways, Guid runId) =>
        gateways.Where(g => EF.Property<Guid?>(g, RunId) == runId);

    /// <summary>The runs that made any of these chains.</summary>
    public static IQueryable<Guid> Runs(this IQueryable<RecoveryChain> chains) =>
        chains.Tagged().Select(c => EF.Property<Guid>(c, RunId));

    /// <summary>The runs that made any of these gateways.</summary>
    public static IQueryable<Guid> Runs(this IQueryable<Gateway> gateways) =>
        gateways.Tagged().Select(g => EF.Property<Guid>(g, RunId));

    /// <summary>The run that made the chain, or null for a real payment.</summary>
    public static Task<Guid?> RunOfChainAsync(this DbSet<RecoveryChain> chains, Guid chainId, CancellationToken ct = default) =>
        chains.Where(c => c.Id == chainId).Select(c => EF.Property<Guid?>(c, RunId)).SingleOrDefaultAsync(ct);

    /// <summary>Tags a chain or gateway about to be added when <paramref name="scope"/> works for a run.</summary>
    internal static void TagFor(this EntityEntry entry, CertificationScope scope)
    {
        if (scope.RunId is { } runId)
        {
            entry.Property(RunId).CurrentValue = runId;
        }
    }

    internal static bool IsTagged(this EntityEntry entry) => entry.Property(RunId).CurrentValue is not null;
}
