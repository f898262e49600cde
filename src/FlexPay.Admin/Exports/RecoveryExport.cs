using System.Runtime.CompilerServices;
using FlexPay.Admin.Components.Pages.Recoveries;
using FlexPay.Core.Money;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Exports;

/// <summary>
/// The recoveries as finance reconciles them, filtered as the grid and the list API are (<see cref="ChainFilter"/>): one
/// export for the screen's download and <c>GET /api/v1/recoveries/export.csv</c>, read from the database row by row.
/// </summary>
public sealed class RecoveryExport(IDbContextFactory<FlexPayDbContext> dbFactory, TimeProvider clock)
{
    public static readonly IReadOnlyList<CsvColumn<RecoveryExportRow>> Columns =
    [
        CsvColumn.Time<RecoveryExportRow>("Created", r => r.CreatedAt),
        CsvColumn.Text<RecoveryExportRow>("Order id", r => r.OrderId),
        CsvColumn.Text<RecoveryExportRow>("Customer id", r => r.CustomerId),
        CsvColumn.Text<RecoveryExportRow>("E-mail", r => r.Email),
        CsvColumn.Text<RecoveryExportRow>("External id", r => r.ExternalId),
        CsvColumn.Amount<RecoveryExportRow>("Amount", r => r.Amount),
        CsvColumn.Text<RecoveryExportRow>("Currency", r => r.Amount.CurrencyCode),
        CsvColumn.Text<RecoveryExportRow>("State", r => ChainStates.Name(r.State)),
        CsvColumn.Text<RecoveryExportRow>("Reason", r => r.StateReason),
        CsvColumn.Number<RecoveryExportRow>("Attempts", r => r.Attempts),
        CsvColumn.Time<RecoveryExportRow>("Next retry", r => r.NextAttemptDueAt),
        CsvColumn.Time<RecoveryExportRow>("Recovered at", r => r.RecoveredAt),
        CsvColumn.Text<RecoveryExportRow>("FlexPay transaction id", r => r.RecoveredTransactionId),
        CsvColumn.Amount<RecoveryExportRow>("Refunded amount", r => r.Refunded),
    ];

    public IResult Download(ChainFilter filter, CancellationToken ct) => CsvExport.Result("recoveries", Columns, RowsAsync(filter, ct), clock, ct);

    public async IAsyncEnumerable<RecoveryExportRow> RowsAsync(ChainFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = ChainSearch.Matching(db, filter).Select(c => new
        {
            c.CreatedAt, c.OrderId, c.CustomerId, c.Email, c.ExternalId, c.Amount, c.CurrencyCode, c.State, c.StateReason,
            Attempts = db.Attempts.Count(a => a.ChainId == c.Id), c.NextAttemptDueAt, c.RecoveredAt, c.RecoveredTransactionId, c.RefundedAmount,
        });
        await foreach (var c in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new RecoveryExportRow(
                c.CreatedAt, c.OrderId, c.CustomerId, c.Email, c.ExternalId, new MoneyAmount(c.Amount, c.CurrencyCode), c.State, c.StateReason,
                c.Attempts, c.NextAttemptDueAt, c.RecoveredAt, c.RecoveredTransactionId,
                c.RefundedAmount > 0 ? new MoneyAmount(c.RefundedAmount, c.CurrencyCode) : null);
        }
    }
}

/// <summary>One line of the recoveries export.</summary>
public sealed record RecoveryExportRow(
    DateTimeOffset CreatedAt, string OrderId, string CustomerId, string? Email, string ExternalId, MoneyAmount Amount, ChainState State,
    string? StateReason, int Attempts, DateTimeOffset? NextAttemptDueAt, DateTimeOffset? RecoveredAt, string? RecoveredTransactionId,
    MoneyAmount? Refunded);
