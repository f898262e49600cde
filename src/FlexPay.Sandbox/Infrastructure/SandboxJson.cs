using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Infrastructure;

/// <summary>FlexPay's wire conventions: camelCase, nulls written (the shape is always complete).</summary>
internal static class SandboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Base64 values such as referenceData keep their '+' instead of \u002B, as FlexPay writes them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Ok<T>(T body) => Results.Json(body, Options);

    /// <summary>Non-200 answers carry <c>{"message":...}</c> (flexpay-api.md §7).</summary>
    public static IResult Error(int status, string message) =>
        Results.Json(new MessageBody(message), Options, statusCode: status);

    /// <summary>Reads the body as JSON; member names are matched without regard to case, as ASP.NET did.</summary>
    public static async Task<JsonNode?> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            // Not bound to RequestAborted: a request whose client left may still be processed (timeout fault).
            var node = await JsonNode.ParseAsync(request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true });
            Materialize(node);
            return node;
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"The request body is not valid JSON: {e.Message}");
        }
        catch (ArgumentException)
        {
            throw new BadRequestException("The request body names the same member twice.");
        }
    }

    /// <summary>JsonObject builds its member table lazily; building it now surfaces duplicate members as a 400.</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o)
                {
                    Materialize(value);
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Materialize(item);
                }
                break;
        }
    }

    /// <summary>The object under <paramref name="root"/> (e.g. <c>transaction</c>), or a 400.</summary>
    public static async Task<JsonObject> ReadEnvelopeAsync(HttpRequest request, string root)
    {
        var body = await ReadBodyAsync(request);
        if (body is not JsonObject envelope || envelope[root] is not JsonObject inner)
        {
            throw new BadRequestException($"The request body must be a JSON object {{\"{root}\":{{...}}}}.");
        }
        return inner;
    }
}

internal sealed record MessageBody(string Message);

/// <summary>A request the server cannot read: unparseable JSON, a missing envelope, an ill-typed field.</summary>
internal sealed class BadRequestException(string message) : Exception(message);
