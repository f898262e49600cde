using System.Text.Json.Serialization;

namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// A raw card, sent once to FlexPay (charge variant 1 or vaulting) and never stored or logged here.
/// <see cref="ToString"/> is overridden because a record's generated one would print the number and CVV.
/// </summary>
public sealed record CardDetails
{
    /// <summary>The PAN, digits only.</summary>
    [JsonPropertyName("creditCardNumber")]
    public required string Number { get; init; }

    /// <summary>Two digits, <c>"07"</c>.</summary>
    public required string ExpiryMonth { get; init; }

    /// <summary>Four digits, <c>"2024"</c>.</summary>
    public required string ExpiryYear { get; init; }

    public string? Cvv { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>Either this or <see cref="FirstName"/> and <see cref="LastName"/>.</summary>
    public string? FullName { get; init; }

    /// <summary>In the sandbox this drives the AVS result.</summary>
    public string? Address1 { get; init; }

    public string? Address2 { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    /// <summary>ISO 3166 alpha-2.</summary>
    public string? Country { get; init; }

    /// <summary>Needed when the charge has no customerId.</summary>
    public string? Email { get; init; }

    public string? PhoneNumber { get; init; }

    public override string ToString() =>
        $"{nameof(CardDetails)}({Sensitive.Mask(Number, visibleSuffix: 4)}, {ExpiryMonth}/{ExpiryYear})";
}
