using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Infrastructure;

/// <summary>
/// Tolerant field readers: FlexPay accepted <c>"100"</c> for amounts, <c>"true"</c> for booleans and
/// <c>2020</c> for years (flexpay-api.md §2.1.1), but a value of the wrong kind altogether is a 400.
/// </summary>
internal static class JsonInput
{
    public static string? Str(this JsonObject o, string name) => o[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False =>
            v.ToJsonString(),
        _ => throw Ill(name, "a string"),
    };

    public static long? Long(this JsonObject o, string name)
    {
        var node = o[name];
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var number))
            {
                return number;
            }
            if (v.GetValueKind() == JsonValueKind.String)
            {
                var text = v.GetValue<string>().Trim();
                if (text.Length == 0)
                {
                    return null;
                }
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }
            }
        }
        throw Ill(name, "an integer");
    }

    public static bool? Bool(this JsonObject o, string name)
    {
        var node = o[name];
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue v)
        {
            switch (v.GetValueKind())
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.String when bool.TryParse(v.GetValue<string>(), out var parsed):
                    return parsed;
            }
        }
        throw Ill(name, "a boolean");
    }

    public static DateTimeOffset? Date(this JsonObject o, string name)
    {
        var text = o.Str(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return WireTime.TryParse(text, out var value) ? value : throw Ill(name, "an ISO-8601 date");
    }

    public static JsonObject? Obj(this JsonObject o, string name) => o[name] switch
    {
        null => null,
        JsonObject inner => inner,
        _ => throw Ill(name, "an object"),
    };

    public static bool Has(this JsonObject o, string name) => o.ContainsKey(name);

    private static BadRequestException Ill(string name, string expected) =>
        new($"The field '{name}' must be {expected}.");
}
