using FlexPay.Core.Recovery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace FlexPay.Admin.Api;

/// <summary>
/// The <c>Idempotency-Key</c> request header of the write endpoints that move money or end a recovery, and the
/// <c>Idempotent-Replayed</c> answer header that says a retry got the first request's result.
/// </summary>
internal static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    public const string ReplayedName = "Idempotent-Replayed";

    /// <summary>The key, null when none was sent, or a 400 problem when it is not 1 to 255 printable ASCII characters.</summary>
    public static (string? Key, ProblemHttpResult? Problem) Read(HttpRequest request)
    {
        var values = request.Headers[Name];
        if (values.Count == 0)
        {
            return (null, null);
        }
        return values.Count == 1 && values[0] is { } key && IdempotentCall.IsValidKey(key)
            ? (key, null)
            : (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The Idempotency-Key cannot be used",
                detail: $"Send one {Name} header of 1 to {IdempotentCall.MaxKeyLength} printable ASCII characters, such as a UUID."));
    }

    public static void MarkReplayed(HttpResponse response) => response.Headers[ReplayedName] = "true";

    /// <summary>Declares the header in the OpenAPI document of an endpoint that reads it through <see cref="Read"/>.</summary>
    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Name,
                In = ParameterLocation.Header,
                Required = false,
                Description = $"1 to {IdempotentCall.MaxKeyLength} printable ASCII characters. The same key with the same body answers with the first request's result (header {ReplayedName}: true) for at least 24 h; with another body, 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotentCall.MaxKeyLength },
            });
            return Task.CompletedTask;
        });
}
