using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FlexPay.Testing;

namespace FlexPay.Admin.Tests.Api;

/// <summary>One malformed or hostile intake request: what it tries, and the HTTP content that carries it.</summary>
public sealed record HostileRequest(string Label, Func<HttpContent> Content)
{
    public override string ToString() => Label;
}

/// <summary>
/// Generates the hostile intake requests: every field with the wrong type, missing or null, huge, markup
/// and control characters in text, impossible amounts, currencies, cards and dates, two instruments or none,
/// duplicate members, broken JSON, oversize bodies and other media types. Each starts from a valid payment.
/// </summary>
internal static class HostileRequests
{
    private static readonly string[] TextFields =
    [
        "externalId", "orderId", "customerId", "email", "currency", "description", "gatewayToken",
        "card.number", "card.expiryMonth", "card.expiryYear", "card.cvv", "card.firstName", "card.lastName", "card.address1",
        "card.postalCode", "card.city", "card.state", "card.country", "initialDecline.code", "initialDecline.message",
        "paymentMethodId", "gatewayPaymentMethodId",
    ];

    private static readonly string[] RequiredFields =
    [
        "externalId", "orderId", "customerId", "amount", "currency", "card", "card.number", "card.expiryMonth", "card.expiryYear",
        "card.firstName", "card.lastName", "initialDecline.declinedAt",
    ];

    private static readonly string[] FreeTextFields =
    [
        "description", "email", "card.firstName", "card.lastName", "card.address1", "card.postalCode", "card.city", "card.state",
        "initialDecline.code", "initialDecline.message",
    ];

    public static IEnumerable<HostileRequest> All()
    {
        foreach (var field in TextFields)
        {
            foreach (var (name, value) in new (string, JsonNode?)[] { ("a number", 12345), ("true", true), ("an object", new JsonObject()), ("an array", new JsonArray("x")) })
            {
                yield return Json($"{field} is {name}", p => Set(p, field, value));
            }
            yield return Json($"{field} is 5,000 characters", p => Set(p, field, new string('A', 5000)));
        }
        foreach (var field in new[] { "amount", "card", "initialDecline", "initialDecline.declinedAt" })
        {
            foreach (var (name, value) in new (string, JsonNode?)[] { ("a word", "twenty"), ("true", true), ("an array", new JsonArray(1)), ("an object", new JsonObject { ["x"] = 1 }) })
            {
                if (!(field is "card" or "initialDecline" && name == "an object"))
                {
                    yield return Json($"{field} is {name}", p => Set(p, field, value));
                }
            }
        }
        foreach (var field in RequiredFields)
        {
            yield return Json($"{field} missing", p => Remove(p, field));
            yield return Json($"{field} null", p => Set(p, field, null));
        }
        foreach (var amount in new[] { "-1", "0", "-9223372036854775808", "9223372036854775807", "10000000001", "99999999999999999999", "10.5", "1e3", "-0.0" })
        {
            yield return Raw($"amount {amount}", Payloads.DeclinedPayment().With("amount", 424242).ToJsonString().Replace("424242", amount, StringComparison.Ordinal));
        }
        foreach (var currency in new[] { "XXX", "US", "USDD", "123", "€€€", "U$D", "", " USD", "ABC", "usd\u0000" })
        {
            yield return Json($"currency '{Escape(currency)}'", p => p["currency"] = currency);
        }
        foreach (var (field, value) in new[]
        {
            ("card.number", "4920201996449561"), ("card.number", "1234"), ("card.number", "49202019964495601234567"),
            ("card.number", "4920 2019 9644 9560"), ("card.number", "492020199644956a"), ("card.number", "-4920201996449560"),
            ("card.number", "４９２０２０１９９６４４９５６０"), ("card.expiryMonth", "13"), ("card.expiryMonth", "00"), ("card.expiryMonth", "7a"),
            ("card.expiryMonth", "-1"), ("card.expiryYear", "1999"), ("card.expiryYear", "20245"), ("card.expiryYear", "24"),
            ("card.expiryYear", "abcd"), ("card.cvv", "12"), ("card.cvv", "12345"), ("card.cvv", "abc"), ("card.country", "USA"),
            ("card.country", "us"), ("card.country", "1A"),
        })
        {
            yield return Json($"{field} '{value}'", p => Set(p, field, value));
        }
        foreach (var field in FreeTextFields)
        {
            yield return Json($"{field} with a script tag", p => Set(p, field, "<script>alert(1)</script>"));
            yield return Json($"{field} with an event handler", p => Set(p, field, "x\"><img src=x onerror=alert(1)>"));
        }
        foreach (var field in new[] { "externalId", "orderId", "customerId", "gatewayToken" })
        {
            yield return Json($"{field} with SQL", p => Set(p, field, "x'; DROP TABLE Chains;--"));
        }
        foreach (var field in new[] { "description", "card.firstName", "initialDecline.message" })
        {
            yield return Json($"{field} with a NUL", p => Set(p, field, "Jane\u0000Doe"));
            yield return Json($"{field} with a header injection", p => Set(p, field, "Jane\r\nX-Injected: 1"));
            yield return Json($"{field} with an escape sequence", p => Set(p, field, "\u001b[31mred"));
            yield return Raw($"{field} with a lone surrogate", LoneSurrogate(LastSegment(field)));
        }
        foreach (var (field, value) in new[] { ("externalId", "ré-1001"), ("orderId", "INV\u200B1"), ("customerId", "cust-😀"), ("externalId", " rebill-1") })
        {
            yield return Json($"{field} '{Escape(value)}'", p => Set(p, field, value));
        }
        yield return Json("card and paymentMethodId", p => p["paymentMethodId"] = "pm-123");
        yield return Json("card and gatewayPaymentMethodId", p => p["gatewayPaymentMethodId"] = "gpm-123");
        yield return Json("no instrument", p => p.Remove("card"));
        yield return Json("paymentMethodId with spaces", p => p.With("paymentMethodId", "pm 123").Remove("card"));
        yield return Json("paymentMethodId with SQL", p => p.With("paymentMethodId", "x'; DROP TABLE Chains;--").Remove("card"));
        foreach (var (name, value) in new[]
        {
            ("in the future", DateTimeOffset.UtcNow.AddYears(70).ToString("O", CultureInfo.InvariantCulture)),
            ("40 days ago", DateTimeOffset.UtcNow.AddDays(-40).ToString("O", CultureInfo.InvariantCulture)),
            ("year 1 at +14:00", "0001-01-01T00:00:00+14:00"), ("year 9999 at -14:00", "9999-12-31T23:59:59-14:00"),
            ("year 9999", "9999-12-31T23:59:59Z"), ("month 13", "2026-13-01T00:00:00Z"), ("empty", ""),
        })
        {
            yield return Json($"declinedAt {name}", p => Set(p, "initialDecline.declinedAt", value));
        }
        foreach (var (name, member, first, second) in new[]
        {
            ("externalId twice", "externalId", "\"rebill-a\"", "\"rebill-b\""), ("amount twice", "amount", "100", "9999"),
            ("currency twice", "currency", "\"USD\"", "\"JPY\""), ("orderId twice", "orderId", "\"INV-a\"", "\"INV-b\""),
            ("card twice", "card", "null", null), ("Amount and amount", "Amount", "100", null),
        })
        {
            yield return Raw($"duplicate member: {name}", Duplicate(member, first, second));
        }
        yield return Json("description of 40 KB", p => p["description"] = new string('a', 40_000));
        yield return Json("an unknown member of 100 KB", p => p["padding"] = new string('b', 100_000));
        yield return Json("a body of 256 KB", p => p["padding"] = new JsonArray([.. Enumerable.Range(0, 30_000).Select(i => (JsonNode)i)]));
        yield return new HostileRequest("64 KB chunked, no length", () =>
        {
            var bytes = Encoding.UTF8.GetBytes(Payloads.DeclinedPayment().With("padding", new string('c', 64_000)).ToJsonString());
            var content = new StreamContent(new MemoryStream(bytes));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        });
        foreach (var (name, body) in new[]
        {
            ("an empty body", ""), ("whitespace", "   "), ("an open brace", "{"), ("a close brace", "}"), ("an array", "[]"), ("null", "null"),
            ("a number", "123"), ("a string", "\"text\""), ("a missing value", "{\"externalId\":}"), ("a trailing comma", "{\"externalId\":\"a\",}"),
            ("a comment", "{\"externalId\":\"a\" /* c */}"), ("single quotes", "{'externalId':'a'}"), ("NaN", "{\"amount\":NaN}"),
            ("nesting 200 deep", "{\"deep\":" + new string('[', 200) + new string(']', 200) + "}"),
            ("half a document", Payloads.DeclinedPayment().ToJsonString()[..150]),
        })
        {
            yield return Raw($"JSON: {name}", body);
        }
        yield return new HostileRequest("JSON: invalid UTF-8", () =>
        {
            var bytes = Encoding.UTF8.GetBytes(Payloads.DeclinedPayment().With("description", "@@").ToJsonString()).ToList();
            var at = bytes.IndexOf((byte)'@');
            bytes[at] = 0xFF;
            bytes[at + 1] = 0xFE;
            var content = new ByteArrayContent([.. bytes]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        });
        foreach (var mediaType in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded" })
        {
            yield return new HostileRequest($"media type {mediaType}", () => new StringContent(Payloads.DeclinedPayment().ToJsonString(), Encoding.UTF8, mediaType));
        }
        yield return new HostileRequest("no media type", () =>
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Payloads.DeclinedPayment().ToJsonString()));
            content.Headers.ContentType = null;
            return content;
        });
    }

    private static HostileRequest Json(string label, Action<JsonObject> mutate) => new(label, () =>
    {
        var payload = Payloads.DeclinedPayment();
        mutate(payload);
        return new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json");
    });

    private static HostileRequest Raw(string label, string body) => new(label, () => new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>A valid payment whose <paramref name="member"/> appears a second time (with <paramref name="second"/>, or its own value).</summary>
    private static string Duplicate(string member, string first, string? second)
    {
        var json = Payloads.DeclinedPayment().ToJsonString();
        var original = json.IndexOf($"\"{char.ToLowerInvariant(member[0])}{member[1..]}\":", StringComparison.Ordinal);
        var head = json[..(original + member.Length + 3)];
        var valueEnd = ValueEnd(json, head.Length);
        var value = second ?? json[head.Length..valueEnd];
        return $"{{\"{member}\":{first},{json[1..head.Length]}{value}{json[valueEnd..]}";
    }

    private static int ValueEnd(string json, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']' when depth > 0:
                    depth--;
                    break;
                case ',' or '}' or ']' when depth == 0:
                    return i;
            }
        }
        return json.Length;
    }

    private static void Set(JsonObject payload, string path, JsonNode? value)
    {
        var (parent, name) = Parent(payload, path);
        parent[name] = value?.DeepClone();
    }

    private static void Remove(JsonObject payload, string path)
    {
        var (parent, name) = Parent(payload, path);
        parent.Remove(name);
    }

    private static (JsonObject Parent, string Name) Parent(JsonObject payload, string path)
    {
        var parts = path.Split('.');
        var parent = payload;
        foreach (var part in parts[..^1])
        {
            parent = parent[part]!.AsObject();
        }
        return (parent, parts[^1]);
    }

    /// <summary>A valid payment whose <paramref name="member"/> starts with an unpaired UTF-16 surrogate (\\ud800).</summary>
    private static string LoneSurrogate(string member) =>
        Payloads.DeclinedPayment().With("description", "text").ToJsonString()
            .Replace($"\"{member}\":\"", $"\"{member}\":\"\\ud800", StringComparison.Ordinal);

    private static string LastSegment(string path) => path.Split('.')[^1];

    private static string Escape(string text) => string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
