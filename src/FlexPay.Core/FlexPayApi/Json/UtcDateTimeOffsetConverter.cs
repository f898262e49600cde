using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlexPay.Core.FlexPayApi.Json;

/// <summary>
/// Reads ISO-8601 with 0–7 fractional digits; a value without an offset is UTC (FlexPay sent
/// <c>retryDate</c> as <c>"2022-12-01T22:00:00"</c> in 2022, meaning 22:00Z). Writes UTC with a <c>Z</c>.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private const string WriteFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date string, found {reader.TokenType}.");
        }

        var text = reader.GetString();
        if (DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var value))
        {
            return value;
        }

        throw new JsonException($"'{text}' is not a date and time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(WriteFormat, CultureInfo.InvariantCulture));
}
