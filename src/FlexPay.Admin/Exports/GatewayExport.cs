using System.Runtime.CompilerServices;
using FlexPay.Admin.Gateways;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Exports;

/// <summary>
/// The Gateways list as CSV, filtered and sorted as the screen's grid is (<see cref="GatewayAdministration.Matching"/>),
/// with what the list only shows on hover (accepted currencies, weight, MID reference, the latest reconcile's drift).
/// Never a credential.
/// </summary>
public sealed class GatewayExport(IDbContextFactory<FlexPayDbContext> dbFactory, GatewayDriftMonitor drift, TimeProvider clock)
{
    public static readonly IReadOnlyList<CsvColumn<Gateway>> Columns =
    [
        CsvColumn.Text<Gateway>("Name", g => g.Name),
        CsvColumn.Text<Gateway>("Company", g => g.Company),
        CsvColumn.Text<Gateway>("Gateway type", g => g.Profile.GatewayType),
        CsvColumn.Text<Gateway>("Currency", g => g.Profile.CurrencyCode),
        CsvColumn.Text<Gateway>("Accepted currencies", g => string.Join(' ', g.Profile.AcceptedCurrencyCodes)),
        CsvColumn.Number<Gateway>("Weight", g => g.Profile.Weight),
        CsvColumn.Text<Gateway>("MID reference", g => g.Profile.MerchantAccountReferenceId),
        CsvColumn.Text<Gateway>("State", g => g.DesiredState.ToString()),
        CsvColumn.Text<Gateway>("Sync", g => g.SyncState.ToString()),
        CsvColumn.Time<Gateway>("Last synced", g => g.LastSyncedAt),
        CsvColumn.Text<Gateway>("Last sync error", g => g.LastSyncError),
        CsvColumn.Text<Gateway>("FlexPay token", g => g.FlexPayToken),
    ];

    public IResult Download(GatewayQuery query, CancellationToken ct)
    {
        var drifts = drift.Latest?.Drifts ?? [];
        CsvColumn<Gateway>[] columns =
        [
            .. Columns,
            CsvColumn.Text<Gateway>("Drift", g => string.Join("; ", drifts.Where(d => d.GatewayId == g.Id).Select(d => d.Description))),
        ];
        return CsvExport.Result("gateways", columns, RowsAsync(query, ct), clock, ct);
    }

    private async IAsyncEnumerable<Gateway> RowsAsync(GatewayQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await foreach (var gateway in GatewayAdministration.Matching(db, query).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return gateway;
        }
    }
}
