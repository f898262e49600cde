using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlexPay.Core.Webhooks;

/// <summary>
/// The body of every delivery. <see cref="Data"/> is the API's resource (a recovery as <c>GET /api/v1/recoveries/{id}</c>
/// returns it, or a gateway); <see cref="RefundId"/> and <see cref="MerchantTransactionId"/> say which refund or attempt
/// of the recovery the event is about.
/// </summary>
public sealed record WebhookEnvelope(
    Guid Id,
    string Type,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? RefundId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MerchantTransactionId,
    object? Data)
{
    public string ToJson() => JsonSerializer.Serialize(this, WebhookJson.Options);
}
