namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// Filters for <c>GET /v1/transactions</c>. The first page starts at <see cref="StartDate"/> (or after
/// <see cref="SinceTransactionId"/>, to resume); later pages follow the last id of the previous one.
/// </summary>
public sealed record TransactionListQuery
{
    public DateOnly? StartDate { get; init; }

    /// <summary>Resume after this transaction instead of starting at <see cref="StartDate"/>.</summary>
    public string? SinceTransactionId { get; init; }

    /// <summary>Oldest first when false (FlexPay's default).</summary>
    public bool Descending { get; init; }

    /// <summary>Page size; FlexPay defaults to 20 and allows at most 100.</summary>
    public int? PageSize { get; init; }

    /// <summary>Ask for the compact item shape.</summary>
    public bool Simplified { get; init; }
}
