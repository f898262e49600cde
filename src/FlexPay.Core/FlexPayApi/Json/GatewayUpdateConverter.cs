using System.Text.Json;
using System.Text.Json.Serialization;
using FlexPay.Core.Gateways;

namespace FlexPay.Core.FlexPayApi.Json;

/// <summary>Writes a <see cref="GatewayUpdate"/> as FlexPay takes it: one flat object, the profile's members beside the status.</summary>
internal sealed class GatewayUpdateConverter : JsonConverter<GatewayUpdate>
{
    public override GatewayUpdate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A gateway update is only ever sent.");

    public override void Write(Utf8JsonWriter writer, GatewayUpdate value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Status is { } status)
        {
            writer.WriteString(Name(nameof(GatewayUpdate.Status), options), status);
        }
        if (value.Profile is { } profile)
        {
            foreach (var (name, member) in JsonSerializer.SerializeToNode(profile, options)!.AsObject())
            {
                writer.WritePropertyName(name);
                JsonSerializer.Serialize(writer, member, options);
            }
        }
        if (value.Settings is { } settings)
        {
            writer.WritePropertyName(Name(nameof(GatewayUpdate.Settings), options));
            JsonSerializer.Serialize(writer, settings, options);
        }
        writer.WriteEndObject();
    }

    private static string Name(string member, JsonSerializerOptions options) => options.PropertyNamingPolicy?.ConvertName(member) ?? member;
}
