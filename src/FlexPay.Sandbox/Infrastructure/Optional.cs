using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlexPay.Sandbox.Infrastructure;

/// <summary>
/// A member some of FlexPay's answers leave out altogether (absent, not <c>null</c>), such as
/// <c>paymentModel</c> on follow-ups. <c>default</c> is absent; a present value is written even when null.
/// Mark the property <c>[JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]</c> so absent is skipped.
/// </summary>
[JsonConverter(typeof(OptionalConverterFactory))]
internal readonly record struct Optional<T>
{
    public Optional(T value)
    {
        Value = value;
        IsPresent = true;
    }

    public T Value { get; }

    public bool IsPresent { get; }
}

internal static class Optional
{
    public static Optional<T> Of<T>(T value) => new(value);
}

internal sealed class OptionalConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OptionalConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

internal sealed class OptionalConverter<T> : JsonConverter<Optional<T>>
{
    public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("The emulator only writes answers; requests are read as JSON nodes.");

    public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options)
    {
        if (!value.IsPresent)
        {
            // Reaching here means the property lacks WhenWritingDefault: writing null would misstate the shape.
            throw new InvalidOperationException("An absent member must not be written; mark its property JsonIgnoreCondition.WhenWritingDefault.");
        }
        JsonSerializer.Serialize(writer, value.Value, options);
    }
}
