namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// One request's raw result: a status and body, or why none arrived. Classification happens elsewhere so
/// that the transport code stays free of business rules.
/// </summary>
internal sealed record FlexPayExchange(HttpMethod Method, string Path, int? HttpStatus, string Body, string? FailureMessage)
{
    public bool IsSuccess => HttpStatus is >= 200 and < 300;

    public static FlexPayExchange Answer(HttpMethod method, string path, int status, string body) => new(method, path, status, body, null);

    public static FlexPayExchange NoAnswer(HttpMethod method, string path, string failure) => new(method, path, null, "", failure);
}
