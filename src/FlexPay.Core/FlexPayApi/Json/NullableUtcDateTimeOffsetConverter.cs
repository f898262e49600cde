using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlexPay.Core.FlexPayApi.Json;

/// <summary>
/// Optional dates as <see cref="UtcDateTimeOffsetConverter"/> reads and writes them, except that an empty
/// string reads as no date: FlexPay's 2019 "original not found" answers filled unknown members with <c>""</c>
/// (flexpay-api.md §2.2), and one such member must not make the whole answer unreadable.
/// </summary>
internal sealed class NullableUtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
{
    private static readonly UtcDateTimeOffsetConverter Dates = new();

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null || (reader.TokenType == JsonTokenType.String && string.IsNullOrWhiteSpace(reader.GetString()))
            ? null
            : Dates.Read(ref reader, typeof(DateTimeOffset), options);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } date)
        {
            Dates.Write(writer, date, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
