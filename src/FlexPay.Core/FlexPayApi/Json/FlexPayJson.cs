using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlexPay.Core.FlexPayApi.Json;

/// <summary>
/// The one set of serializer options for FlexPay traffic: strict and tidy when writing, tolerant when
/// reading, because FlexPay adds members over time and has sent numbers as strings and dates without offsets.
/// </summary>
internal static class FlexPayJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.Converters.Add(new NullableUtcDateTimeOffsetConverter());
        options.Converters.Add(new LenientBooleanConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
