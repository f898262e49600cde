using System.Diagnostics;
using System.Net;
using System.Text;

namespace FlexPay.Core.Tests.FlexPayApi.Support;

/// <summary>What the transport saw, captured before the request is disposed.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body, string? ContentType);

/// <summary>
/// A test double of the transport (the real seam): the client, its handler chain and HttpClient run for real;
/// only the network is replaced by <paramref name="respond"/>.
/// </summary>
internal sealed class StubTransport(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    public List<RecordedRequest> Requests { get; } = [];

    public RecordedRequest Single => Assert.Single(Requests);

    public static StubTransport Answering(HttpStatusCode status, string body) => new((_, _) => Task.FromResult(Response(status, body)));

    public static StubTransport AnsweringJson(string body) => Answering(HttpStatusCode.OK, body);

    public static StubTransport Throwing(Exception exception) => new((_, _) => Task.FromException<HttpResponseMessage>(exception));

    /// <summary>Never answers: only cancellation (the caller's or HttpClient's timeout) ends the wait.</summary>
    public static StubTransport Hanging(TaskCompletionSource? reached = null) => new(async (_, ct) =>
    {
        reached?.TrySetResult();
        await Task.Delay(Timeout.Infinite, ct);
        throw new UnreachableException();
    });

    public static HttpResponseMessage Response(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken),
            request.Content?.Headers.ContentType?.ToString());
        Requests.Add(recorded);
        return await respond(recorded, cancellationToken);
    }
}
