using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlexPay.Core.FlexPayApi.Json;

/// <summary>Reads <c>true</c>, <c>"true"</c> and <c>1</c> alike: FlexPay's peers have sent booleans as strings.</summary>
internal sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.String when bool.TryParse(reader.GetString(), out var parsed) => parsed,
            JsonTokenType.Number when reader.TryGetInt64(out var number) => number != 0,
            _ => throw new JsonException($"Expected a boolean, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
