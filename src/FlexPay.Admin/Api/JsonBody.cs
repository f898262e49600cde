using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlexPay.Admin.Api;

/// <summary>
/// Reads a JSON request body with our own limits, so a wrong type, a broken document or an oversize
/// body becomes a problem document naming the field instead of an exception.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, JsonSerializerOptions json)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send JSON",
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
                ? (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty request", detail: "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Unreadable(ex));
        }
    }

    /// <summary>Reads the body as <see cref="ReadAsync{T}"/> does, then checks it with <paramref name="validator"/>: a 400 names each bad field.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadValidAsync<T>(
        HttpRequest request, int maxBytes, JsonSerializerOptions json, IValidator<T> validator, string title)
        where T : class
    {
        var (value, problem) = await ReadAsync<T>(request, maxBytes, json);
        if (problem is not null)
        {
            return (null, problem);
        }
        var validation = await validator.ValidateAsync(value!, request.HttpContext.RequestAborted);
        return validation.IsValid ? (value, null) : (null, ValidationProblem(validation.ToDictionary(), title));
    }

    /// <summary>A 400 naming the member <paramref name="error"/> points at (or the body, when it points at none).</summary>
    public static ProblemHttpResult Unreadable(JsonException error)
    {
        var field = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "body" : error.Path.TrimStart('$', '.');
        var problem = error.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)
            ? $"'{field}' appears more than once."
            : $"'{field}' is not valid JSON of the expected type.";
        return ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] }, "The request body could not be read");
    }

    /// <summary>A 400 listing each field's problems, as a <see cref="ProblemHttpResult"/> so an endpoint has one error type.</summary>
    public static ProblemHttpResult ValidationProblem(IDictionary<string, string[]> errors, string title) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = title });

    private static ProblemHttpResult TooLarge(int maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
            detail: $"The body must be at most {maxBytes} bytes.");
}
