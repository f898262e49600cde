using FlexPay.Core.Accounts;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FlexPay.Core.Gateways;

/// <summary>
/// Compares our gateways with FlexPay's list, account by account, and reports drift: missing there,
/// missing here, a status or settings that differ. It changes nothing at FlexPay; staff decide what to do. It records
/// on each compared gateway what differs (<see cref="Gateway.Drift"/>), so a drift newly found emits
/// <c>gateway.drift_detected</c> in the save that records it, once, however many reconciles still find it.
/// </summary>
public sealed class GatewayReconciler(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    FlexPayClient flexPay,
    IFlexPayAccounts accounts,
    GatewayDriftMonitor monitor,
    TimeProvider clock,
    ILogger<GatewayReconciler> logger)
{
    public async Task<GatewayDriftReport> ReconcileAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ours = await db.Gateways.ToListAsync(ct);
        var companies = accounts.List().Select(a => a.Company).Union(ours.Select(g => g.Company)).Distinct().Order(StringComparer.Ordinal);

        var drifts = new List<GatewayDrift>();
        var errors = new List<GatewayReconcileError>();
        var compared = 0;
        foreach (var company in companies)
        {
            var here = ours.Where(g => g.Company == company).ToList();
            if (!accounts.Exists(company))
            {
                errors.Add(new GatewayReconcileError(company, "No FlexPay account (API key) exists for this company."));
                continue;
            }
            var listed = await flexPay.ListGatewaysAsync(accounts.GetApiKey(company), ct);
            if (!listed.IsOk)
            {
                errors.Add(new GatewayReconcileError(company, $"FlexPay's gateway list could not be read: {listed.Outcome.Describe()}{(listed.ErrorMessage is { } m ? ": " + m : "")}"));
                continue;
            }
            var there = listed.Value!.ToDictionary(g => g.Id, StringComparer.Ordinal);
            compared += here.Count;
            var found = Compare(company, here, there).ToList();
            drifts.AddRange(found);
            Record(here, found);
        }
        await SaveDriftAsync(db, ct);

        var report = new GatewayDriftReport(clock.GetUtcNow(), compared, drifts, errors);
        monitor.Latest = report;
        foreach (var drift in drifts)
        {
            logger.Drift(drift.Kind, drift.Company, drift.Description);
        }
        logger.Reconciled(drifts.Count, errors.Count);
        return report;
    }

    /// <summary>
    /// A gateway with a change on its way is left as it was recorded: what FlexPay shows is expected to differ until
    /// the change lands, and the sync holding it is not disturbed.
    /// </summary>
    private void Record(List<Gateway> here, List<GatewayDrift> found)
    {
        var now = clock.GetUtcNow();
        foreach (var gateway in here.Where(g => g.SyncState != GatewaySyncState.Pending))
        {
            var descriptions = found.Where(d => d.GatewayId == gateway.Id).Select(d => d.Description).ToList();
            gateway.RecordDrift(descriptions.Count == 0 ? null : string.Join(" ", descriptions), now);
        }
    }

    private async Task SaveDriftAsync(FlexPayDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Staff or a sync changed a gateway since it was read: what was compared is stale; the next reconcile records it.
            logger.DriftNotRecorded();
        }
    }

    private static IEnumerable<GatewayDrift> Compare(string company, List<Gateway> here, Dictionary<string, FlexPayGateway> there)
    {
        foreach (var gateway in here)
        {
            if (gateway.FlexPayToken is null)
            {
                if (gateway.DesiredState == GatewayDesiredState.Enabled && gateway.SyncState == GatewaySyncState.Failed)
                {
                    yield return Drift(GatewayDriftKind.MissingAtFlexPay, gateway, null,
                        $"'{gateway.Name}' is enabled here but FlexPay never created it: {gateway.LastSyncError}", []);
                }
                continue;
            }
            if (!there.Remove(gateway.FlexPayToken, out var theirs))
            {
                yield return Drift(GatewayDriftKind.MissingAtFlexPay, gateway, gateway.FlexPayToken,
                    $"'{gateway.Name}' ({gateway.FlexPayToken}) is not in FlexPay's list (deleted there?).", []);
                continue;
            }
            if (gateway.SyncState == GatewaySyncState.Pending)
            {
                // A change is on its way: differences are expected until it lands.
                continue;
            }
            if (!string.Equals(theirs.Status, gateway.ExpectedFlexPayStatus, StringComparison.Ordinal))
            {
                yield return Drift(GatewayDriftKind.StatusDiffers, gateway, gateway.FlexPayToken,
                    $"'{gateway.Name}' is {gateway.DesiredState} here, so FlexPay should show {gateway.ExpectedFlexPayStatus}, but shows {theirs.Status}.",
                    [new FieldDifference("status", gateway.ExpectedFlexPayStatus, theirs.Status)]);
            }
            var differences = Differences(gateway, theirs);
            if (differences.Count > 0)
            {
                yield return Drift(GatewayDriftKind.SettingsDiffer, gateway, gateway.FlexPayToken,
                    $"'{gateway.Name}' differs at FlexPay in {string.Join(", ", differences.Select(d => d.Field))}.", differences);
            }
        }
        foreach (var theirs in there.Values)
        {
            yield return new GatewayDrift(GatewayDriftKind.MissingHere, company, null, theirs.Name, theirs.Id,
                $"FlexPay has '{theirs.Name}' ({theirs.Id}, {theirs.Status}) that no gateway here corresponds to.", []);
        }
    }

    private static List<FieldDifference> Differences(Gateway ours, FlexPayGateway theirs)
    {
        var differences = new List<FieldDifference>();
        if (!string.Equals(ours.Name, theirs.Name ?? "", StringComparison.Ordinal))
        {
            differences.Add(new FieldDifference("name", ours.Name, theirs.Name));
        }
        differences.AddRange(ours.Profile.Differences(theirs));
        // Names only: the values are write-only at FlexPay and secret here.
        if (theirs.SettingKeys is { } keys
            && !ours.CredentialKeys.Order(StringComparer.Ordinal).SequenceEqual(keys.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            differences.Add(new FieldDifference(
                "credentialKeys", string.Join(",", ours.CredentialKeys.Order(StringComparer.Ordinal)), string.Join(",", keys.Order(StringComparer.Ordinal))));
        }
        return differences;
    }

    private static GatewayDrift Drift(GatewayDriftKind kind, Gateway gateway, string? token, string description, IReadOnlyList<FieldDifference> differences) =>
        new(kind, gateway.Company, gateway.Id, gateway.Name, token, description, differences);
}
