namespace FlexPay.Core.Recovery;

/// <summary>What opens a recovery chain: one payment (order/invoice) to collect.</summary>
public sealed record NewChain
{
    public required string ExternalId { get; init; }

    public required string Company { get; init; }

    public required string OrderId { get; init; }

    public required string CustomerId { get; init; }

    public string? Email { get; init; }

    public required long Amount { get; init; }

    public required string CurrencyCode { get; init; }

    public required PaymentInstrument Instrument { get; init; }

    public string? PinnedGatewayToken { get; init; }

    public string? Description { get; init; }

    /// <summary>The merchant's own gateway declined first (that was retryCount 0).</summary>
    public InitialDecline? InitialDecline { get; init; }
}

public sealed record InitialDecline(DateTimeOffset DeclinedAt, string? Code, string? Message);
