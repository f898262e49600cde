using System.Text.Json;

namespace FlexPay.Admin.Api;

/// <summary>
/// Reads a JSON request body with our own limits, so a wrong type, a broken document or an oversize
/// body becomes a problem document naming the field instead of an exception.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, JsonSerializerOptions json)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send JSON",
                detail: "The request body must be JSON (Content-Type: application/json)."));
        }
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }
            buffer.Write(chunk, 0, read);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.ToArray(), json);
            return value is null
                ? (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty request", detail: "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            var problem = ex.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)
                ? $"'{field}' appears more than once."
                : $"'{field}' is not valid JSON of the expected type.";
            return (null, Results.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [problem] },
                title: "The request body could not be read"));
        }
    }

    private static IResult TooLarge(int maxBytes) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
            detail: $"The body must be at most {maxBytes} bytes.");
}
