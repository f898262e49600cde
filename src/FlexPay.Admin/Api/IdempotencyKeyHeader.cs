using FlexPay.Core.Recovery;
using Microsoft.AspNetCore.Http.HttpResults;

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
}
