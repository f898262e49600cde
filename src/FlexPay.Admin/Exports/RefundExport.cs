using FlexPay.Admin.Components.Pages.Recoveries;
using FlexPay.Admin.Components.Pages.Refunds;

namespace FlexPay.Admin.Exports;

/// <summary>
/// The refunds made, as the Refunds screen's "Refunds made" list filters and sorts them (<see cref="RefundSearch"/>),
/// with FlexPay's answer to each: what finance reconciles against FlexPay's statement.
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

    public IResult Download(RefundQuery query, CancellationToken ct) => CsvExport.Result("refunds", Columns, search.AllRefundsAsync(query, ct), clock, ct);
}
