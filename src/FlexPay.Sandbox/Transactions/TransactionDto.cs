using System.Text.Json.Serialization;
using FlexPay.Sandbox.Infrastructure;
using FlexPay.Sandbox.Vault;

namespace FlexPay.Sandbox.Transactions;

/// <summary>
/// The §2.1.5 transaction object, members in FlexPay's order. Every member is written, nulls included, except
/// <c>paymentModel</c>, which only charges and authorizations carry (§4.11.5), and the GET-one extras.
/// </summary>
internal sealed record TransactionDto
{
    public GatewayVerification Response { get; init; } = GatewayVerification.None;
    public required PaymentMethodDto PaymentMethod { get; init; }
    public required string TransactionId { get; init; }
    public required string TransactionDate { get; init; }
    public int TransactionStatus { get; init; } = 2;
    public required string Message { get; init; }
    public required string ResponseCode { get; init; }
    public required string TransactionType { get; init; }
    public string? MerchantTransactionId { get; init; }
    public string? CustomerId { get; init; }
    public string? CurrencyCode { get; init; }
    public long Amount { get; init; }
    public string GatewayToken { get; init; } = "";
    public string GatewayType { get; init; } = "flexpay_declined";
    public string? GatewayTransactionId { get; init; }
    public string? MerchantAccountReferenceId { get; init; }
    public string AssignedGatewayToken { get; init; } = "";
    public string? OrderId { get; init; }
    public string? RetryDate { get; init; }
    public long RetryCount { get; init; }
    public string? DateFirstAttempt { get; init; }
    public string? Description { get; init; }
    public string? CustomerIp { get; init; }
    public ShippingAddressDto ShippingAddress { get; init; } = ShippingAddressDto.Empty;
    public string? ReferenceData { get; init; }
    public bool DisableCustomerRecovery { get; init; }
    public string? CustomVariable1 { get; init; }
    public string? CustomVariable2 { get; init; }
    public string? CustomVariable3 { get; init; }
    public string? CustomVariable4 { get; init; }
    public string? CustomVariable5 { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> PaymentModel { get; init; }
    public int EngagedRecoveryState { get; init; }
    public string? ProductSku { get; init; }
    public string? SubscriptionId { get; init; }

    /// <summary>Only the GET-one endpoints add these (§2.6).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GatewaySpecificFieldsDto? GatewaySpecificFields { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GatewaySpecificFieldsDto? GatewaySpecificResponseFields { get; init; }

    /// <summary>A new answer at <paramref name="now"/>, its outcome (message, code) still to be decided.</summary>
    public static TransactionDto Begin(string transactionType, string? merchantTransactionId, PaymentMethodDto paymentMethod, DateTimeOffset now) => new()
    {
        PaymentMethod = paymentMethod,
        TransactionId = Tokens.New(),
        TransactionDate = WireTime.Format(now),
        Message = "",
        ResponseCode = "",
        TransactionType = transactionType,
        MerchantTransactionId = merchantTransactionId,
        DateFirstAttempt = WireTime.Format(now),
    };
}

internal sealed record ShippingAddressDto(
    string? Address1,
    string? Address2,
    string? PostalCode,
    string? City,
    string? State,
    string? Country)
{
    public static readonly ShippingAddressDto Empty = new(null, null, null, null, null, null);
}

/// <summary>The odd nesting FlexPay uses for both members: <c>{"gatewaySpecificFields":{}}</c>.</summary>
internal sealed record GatewaySpecificFieldsDto(IReadOnlyDictionary<string, string> GatewaySpecificFields)
{
    public static readonly GatewaySpecificFieldsDto Empty = new(new Dictionary<string, string>());
}

internal sealed record TransactionEnvelope(TransactionDto Transaction);
