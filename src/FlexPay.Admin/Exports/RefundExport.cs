using FlexPay.Admin.Components.Pages.Recoveries;
using FlexPay.Admin.Components.Pages.Refunds;

namespace FlexPay.Admin.Exports;

/// <summary>
/// The Refunds screen's two lists as CSV, filtered and sorted as its grids are (<see cref="RefundSearch"/>): the refunds
/// made with FlexPay's answer to each (what finance reconciles against FlexPay's statement), and the refundable charges.
/// </summary>
public sealed class RefundExport(RefundSearch search, TimeProvider clock)
{
    public static readonly IReadOnlyList<CsvColumn<RefundRow>> Columns =
    [
        CsvColumn.Time<RefundRow>("Requested", r => r.RequestedAt),
        CsvColumn.Text<RefundRow>("Requested by", r => r.RequestedBy),
        CsvColumn.Text<RefundRow>("Order id", r => r.OrderId),
        CsvColumn.Text<RefundRow>("Customer id", r => r.CustomerId),
        CsvColumn.Amount<RefundRow>("Amount", r => r.Amount),
        CsvColumn.Text<RefundRow>("Currency", r => r.Amount.CurrencyCode),
        CsvColumn.Text<RefundRow>("Reason", r => r.Reason),
        CsvColumn.Text<RefundRow>("Result", r => ChainStates.RefundName(r.Status)),
        CsvColumn.Text<RefundRow>("FlexPay transaction id", r => r.TransactionId),
        CsvColumn.Text<RefundRow>("Response code", r => r.ResponseCode),
        CsvColumn.Text<RefundRow>("Response message", r => r.ResponseMessage),
    ];

    /// <summary>The Refunds screen's other list: recovered charges with what can still be refunded of each.</summary>
    public static readonly IReadOnlyList<CsvColumn<RefundableRow>> RefundableColumns =
    [
        CsvColumn.Time<RefundableRow>("Recovered", r => r.RecoveredAt),
        CsvColumn.Text<RefundableRow>("Order id", r => r.OrderId),
        CsvColumn.Text<RefundableRow>("Customer id", r => r.CustomerId),
        CsvColumn.Amount<RefundableRow>("Charged", r => r.Charged),
        CsvColumn.Amount<RefundableRow>("Refundable", r => r.Refundable),
        CsvColumn.Text<RefundableRow>("Currency", r => r.Charged.CurrencyCode),
        CsvColumn.Text<RefundableRow>("State", r => ChainStates.Name(r.State)),
    ];

    public IResult DownloadRefundable(RefundableQuery query, CancellationToken ct) =>
        CsvExport.Result("refundable-charges", RefundableColumns, search.AllRefundableAsync(query, ct), clock, ct);

    public IResult Download(RefundQuery query, CancellationToken ct) => CsvExport.Result("refunds", Columns, search.AllRefundsAsync(query, ct), clock, ct);
}
