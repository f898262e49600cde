using System.Text.Json.Serialization;

namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// A charge or authorization (flexpay-api.md §2.1), serialized as it stands, members in the wire's order. Name the
/// instrument one way only: <see cref="Card"/> (raw card), <see cref="PaymentMethodId"/> (vault token) or
/// <see cref="GatewayCard"/> (gateway-stored card).
/// </summary>
public sealed record ChargeRequest
{
    /// <summary>Unique for every request ever sent, retries included.</summary>
    public required string MerchantTransactionId { get; init; }

    /// <summary>The same for every attempt of one payment.</summary>
    public required string OrderId { get; init; }

    public string? Description { get; init; }

    public string? CustomerId { get; init; }

    /// <summary>ISO 4217 alpha-3.</summary>
    public required string CurrencyCode { get; init; }

    /// <summary>Minor units (cents).</summary>
    public required long Amount { get; init; }

    /// <summary>Variant 1 only: vault the card when approved instead of only caching it.</summary>
    [JsonIgnore]
    public bool RetainOnSuccess { get; init; }

    /// <summary>Variant 1: a raw card.</summary>
    [JsonIgnore]
    public CardDetails? Card { get; init; }

    /// <summary>Variant 3: a card stored at the merchant's gateway.</summary>
    [JsonIgnore]
    public GatewayStoredCard? GatewayCard { get; init; }

    // Where the wire differs from the record (declared here to keep the wire's order): both card variants travel
    // as "paymentMethod", and retainOnSuccess only beside a raw card.
    [JsonInclude, JsonPropertyName("retainOnSuccess")]
    internal bool? RetainOnSuccessSent => Card is null ? null : RetainOnSuccess;

    [JsonInclude, JsonPropertyName("paymentMethod")]
    internal object? PaymentMethodSent => (object?)Card ?? GatewayCard;

    /// <summary>Variant 2: a vault token.</summary>
    public string? PaymentMethodId { get; init; }

    public string? CustomerIp { get; init; }

    /// <summary>Routes the attempt to one gateway; null lets FlexPay choose.</summary>
    public string? GatewayToken { get; init; }

    /// <summary>0 for an attempt that is not a retry; the first retry is 1.</summary>
    public required int RetryCount { get; init; }

    public DateTimeOffset? DateFirstAttempt { get; init; }

    /// <summary>True asks FlexPay for no retry date (soft declines come back as 3xxxx "no retry" codes).</summary>
    public bool DisableCustomerRecovery { get; init; }

    /// <summary>The blob from the response to the attempt just before this one; null on a chain's first attempt.</summary>
    public string? ReferenceData { get; init; }

    /// <summary><c>onetime</c>, <c>subscription</c> or <c>installment</c>.</summary>
    public string? PaymentModel { get; init; }

    [JsonIgnore]
    public PreviousTransactionReference? PreviousTransaction { get; init; }

    /// <summary>The previous decline, under FlexPay's one capitalised request member.</summary>
    [JsonInclude, JsonPropertyName("References")]
    internal PreviousTransactionReferences? ReferencesSent => PreviousTransaction is { } previous ? new(previous) : null;

    // The generated ToString would print the card through its members; list only what identifies the request.
    public override string ToString() =>
        $"{nameof(ChargeRequest)} {{ MerchantTransactionId = {MerchantTransactionId}, OrderId = {OrderId}, " +
        $"Amount = {Amount} {CurrencyCode}, RetryCount = {RetryCount}, Instrument = {Instrument} }}";

    /// <summary>Refuses a request naming its instrument twice, before anything is sent.</summary>
    internal void RequireOneInstrument()
    {
        if ((Card is null ? 0 : 1) + (GatewayCard is null ? 0 : 1) + (PaymentMethodId is null ? 0 : 1) > 1)
        {
            throw new ArgumentException("Give one instrument: a card, a payment method id or a gateway-stored card.", "request");
        }
    }

    private string Instrument =>
        Card?.ToString() ?? GatewayCard?.ToString() ?? (PaymentMethodId is null ? "none" : $"PaymentMethodId({PaymentMethodId})");
}

/// <summary>FlexPay's <c>References</c> member: <c>{"PreviousTransaction":{...}}</c>, capitalised as documented.</summary>
internal sealed record PreviousTransactionReferences([property: JsonPropertyName("PreviousTransaction")] PreviousTransactionReference PreviousTransaction);
