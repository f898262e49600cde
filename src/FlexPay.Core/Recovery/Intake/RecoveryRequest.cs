namespace FlexPay.Core.Recovery.Intake;

/// <summary>
/// A declined payment handed over by the merchant's billing system. <see cref="Amount"/> is in
/// minor units of <see cref="Currency"/> (2008 = 20.08 USD; 1500 = 1,500 JPY), as FlexPay counts.
/// </summary>
public sealed record RecoveryRequest
{
    public string? ExternalId { get; init; }

    public string? OrderId { get; init; }

    public string? CustomerId { get; init; }

    public string? Email { get; init; }

    public long? Amount { get; init; }

    public string? Currency { get; init; }

    public string? Description { get; init; }

    public CardInput? Card { get; init; }

    public string? PaymentMethodId { get; init; }

    public string? GatewayPaymentMethodId { get; init; }

    public string? GatewayToken { get; init; }

    public InitialDeclineInput? InitialDecline { get; init; }
}

/// <summary>A raw card. Vaulted at FlexPay at once; never stored, logged or printed here.</summary>
public sealed record CardInput
{
    public string? Number { get; init; }

    public string? ExpiryMonth { get; init; }

    public string? ExpiryYear { get; init; }

    public string? Cvv { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Address1 { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? Country { get; init; }

    public override string ToString() => $"CardInput(****{(Number is { Length: >= 4 } n ? n[^4..] : "")})";
}

public sealed record InitialDeclineInput
{
    public DateTimeOffset? DeclinedAt { get; init; }

    public string? Code { get; init; }

    public string? Message { get; init; }
}
