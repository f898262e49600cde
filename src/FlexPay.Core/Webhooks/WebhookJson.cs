using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlexPay.Core.Webhooks;

/// <summary>The JSON of event bodies: the API's (web defaults, enums as names), so <c>data</c> reads as the API's resource does.</summary>
public static class WebhookJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
