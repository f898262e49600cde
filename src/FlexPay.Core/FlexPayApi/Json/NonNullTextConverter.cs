using System.Text.Json;

namespace FlexPay.Core.FlexPayApi.Json;

/// <summary>A <see cref="TextConverter"/> for members the client promises are never null: JSON null reads as "".</summary>
internal sealed class NonNullTextConverter : TextConverter
{
    public override bool HandleNull => true;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        base.Read(ref reader, typeToConvert, options) ?? "";
}
