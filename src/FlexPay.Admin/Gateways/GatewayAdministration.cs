using FlexPay.Admin.Identity;
using FlexPay.Core.Certification;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Gateways;

/// <summary>
/// The Gateways screen's server side: anyone who may view reads, and every change checks
/// <see cref="Policies.CanManageGateways"/> itself before it reaches <see cref="GatewayService"/>.
/// </summary>
public sealed class GatewayAdministration(
    ConsoleActor actor,
    GatewayService gateways,
    IServiceProvider services,
    GatewayDriftMonitor drift,
    IDbContextFactory<FlexPayDbContext> dbFactory,
    ILogger<GatewayAdministration> logger)
{
    private const string NotAllowed = "Only an administrator can change gateways.";

    public Task<bool> CanManageAsync() => actor.MayAsync(Policies.CanManageGateways);

    public GatewayDriftReport? LatestReconcile => drift.Latest;

    public async Task<GatewayPage> ListAsync(GatewayQuery query, CancellationToken ct = default)
    {
        if (!await actor.MayAsync(Policies.CanView))
        {
            return new GatewayPage([], 0);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Matching(db, query);
        var total = await rows.CountAsync(ct);
        var page = gateways.CheckCredentials(await rows.Skip(query.Page * query.PageSize).Take(query.PageSize).ToListAsync(ct));
        var ids = page.Select(g => g.Id).ToList();
        HashSet<Guid> certification = query.IncludeCertification
            ? (await db.Gateways.Where(g => ids.Contains(g.Id)).Tagged().Select(g => g.Id).ToListAsync(ct)).ToHashSet()
            : [];
        var drifts = drift.Latest?.Drifts ?? [];
        return new GatewayPage(
            [.. page.Select(g => new GatewayRow(
                g.Id, g.Name, g.Company, g.Profile.GatewayType, g.Profile.CurrencyCode, g.DesiredState, g.SyncState, g.LastSyncError, g.FlexPayToken,
                g.LastSyncedAt, g.CredentialKeys, [.. drifts.Where(d => d.GatewayId == g.Id)], g.CredentialsNeedReentry,
                certification.Contains(g.Id)))],
            total);
    }

    /// <summary>
    /// The gateways <paramref name="query"/> lists, in its order (its page left to the caller): the screen's grid and its
    /// CSV export read the same rows.
    /// </summary>
    internal static IQueryable<Gateway> Matching(FlexPayDbContext db, GatewayQuery query)
    {
        var rows = db.Gateways.AsNoTracking().Shown(query.IncludeCertification);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            rows = rows.Where(g => g.Name.Contains(search) || g.Company.Contains(search) || (g.FlexPayToken != null && g.FlexPayToken.Contains(search)));
        }
        return (query.SortBy, query.Descending) switch
        {
            (nameof(GatewayRow.Company), false) => rows.OrderBy(g => g.Company).ThenBy(g => g.Name),
            (nameof(GatewayRow.Company), true) => rows.OrderByDescending(g => g.Company).ThenBy(g => g.Name),
            (nameof(GatewayRow.GatewayType), false) => rows.OrderBy(g => g.Profile.GatewayType).ThenBy(g => g.Name),
            (nameof(GatewayRow.GatewayType), true) => rows.OrderByDescending(g => g.Profile.GatewayType).ThenBy(g => g.Name),
            (nameof(GatewayRow.CurrencyCode), false) => rows.OrderBy(g => g.Profile.CurrencyCode).ThenBy(g => g.Name),
            (nameof(GatewayRow.CurrencyCode), true) => rows.OrderByDescending(g => g.Profile.CurrencyCode).ThenBy(g => g.Name),
            (nameof(GatewayRow.DesiredState), false) => rows.OrderBy(g => g.DesiredState).ThenBy(g => g.Name),
            (nameof(GatewayRow.DesiredState), true) => rows.OrderByDescending(g => g.DesiredState).ThenBy(g => g.Name),
            (nameof(GatewayRow.SyncState), false) => rows.OrderBy(g => g.SyncState).ThenBy(g => g.Name),
            (nameof(GatewayRow.SyncState), true) => rows.OrderByDescending(g => g.SyncState).ThenBy(g => g.Name),
            (_, true) => rows.OrderByDescending(g => g.Name).ThenBy(g => g.Company),
            _ => rows.OrderBy(g => g.Name).ThenBy(g => g.Company),
        };
    }

    /// <summary>The gateway to edit; null when the user may not, or it is gone.</summary>
    public async Task<Gateway?> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        if (!await CanManageAsync())
        {
            return null;
        }
        try
        {
            return await gateways.GetAsync(id, ct);
        }
        catch (GatewayNotFoundException)
        {
            return null;
        }
    }

    public Task<GatewayOutcome> CreateAsync(GatewayDraft draft, CancellationToken ct = default) => ManageAsync("create a gateway", async () =>
    {
        var result = await gateways.CreateAsync(draft, ct);
        return result.IsValid
            ? new GatewayOutcome(true, draft.Enabled == true ? $"'{result.Gateway!.Name}' saved; creating it at FlexPay." : $"'{result.Gateway!.Name}' saved (disabled).")
            : new GatewayOutcome(false, "Check the highlighted fields.") { Errors = result.Errors };
    });

    /// <summary>Saves <paramref name="draft"/>, the whole gateway as the dialog shows it.</summary>
    public Task<GatewayOutcome> UpdateAsync(Guid id, GatewayDraft draft, CancellationToken ct = default) => ManageAsync("change a gateway", async () =>
    {
        var result = await gateways.UpdateAsync(id, _ => draft, ct);
        return result.IsValid
            ? new GatewayOutcome(true, $"'{result.Gateway!.Name}' saved.")
            : new GatewayOutcome(false, "Check the highlighted fields.") { Errors = result.Errors };
    });

    public Task<GatewayOutcome> EnableAsync(Guid id, CancellationToken ct = default) => ManageAsync("enable a gateway", async () =>
    {
        var gateway = await gateways.EnableAsync(id, ct);
        return new GatewayOutcome(true, $"'{gateway.Name}' enabled; FlexPay is being told.");
    });

    /// <summary>Unconfirmed, a disable that would strand scheduled retries changes nothing and lists them.</summary>
    public Task<GatewayOutcome> DisableAsync(Guid id, bool confirmed, CancellationToken ct = default) => ManageAsync("disable a gateway", async () =>
    {
        var result = await gateways.DisableAsync(id, confirmed, ct);
        return result.Disabled
            ? new GatewayOutcome(true, $"'{result.Gateway.Name}' disabled; it becomes RefundOnly at FlexPay.")
            : new GatewayOutcome(false, $"'{result.Gateway.Name}' still takes charges.") { BoundChains = result.BoundChains };
    });

    public Task<GatewayOutcome> RetrySyncAsync(Guid id, CancellationToken ct = default) => ManageAsync("re-sync a gateway", async () =>
    {
        var gateway = await gateways.RetrySyncAsync(id, ct);
        return new GatewayOutcome(true, $"'{gateway.Name}' will be sent to FlexPay again now.");
    });

    public Task<GatewayOutcome> ReconcileAsync(CancellationToken ct = default) => ManageAsync("reconcile gateways with FlexPay", async () =>
    {
        // Resolved only here: listing and changing gateways need no FlexPay client.
        var report = await services.GetRequiredService<GatewayReconciler>().ReconcileAsync(ct);
        var message = report.InSync
            ? $"All {report.GatewaysCompared} gateways match FlexPay."
            : $"{report.Drifts.Count} difference(s) and {report.Errors.Count} account error(s) found.";
        return new GatewayOutcome(true, message) { Report = report };
    });

    /// <summary>Checks the policy (a refusal is logged with <paramref name="actionWords"/>), then runs the change.</summary>
    private async Task<GatewayOutcome> ManageAsync(string actionWords, Func<Task<GatewayOutcome>> action)
    {
        if (await actor.AllowedAsync(Policies.CanManageGateways, actionWords) is null)
        {
            return new GatewayOutcome(false, NotAllowed);
        }
        try
        {
            return await action();
        }
        catch (GatewayRuleException ex)
        {
            return new GatewayOutcome(false, ex.Message);
        }
        catch (GatewayNotFoundException)
        {
            return new GatewayOutcome(false, "That gateway no longer exists; the list has been refreshed.");
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "FlexPay could not be reached for a gateway action");
            return new GatewayOutcome(false, "FlexPay could not be reached. Try again in a moment.");
        }
    }
}
