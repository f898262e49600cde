using System.Collections.Concurrent;

namespace FlexPay.Core.Tests.Support;

/// <summary>What the engine's FlexPay client put on the wire (method, path, body), recorded below the authentication handler.</summary>
internal sealed class FlexPayRequestRecorder
{
    private readonly ConcurrentQueue<SentRequest> _requests = new();

    public IReadOnlyList<SentRequest> All => [.. _requests];

    public sealed record SentRequest(string Method, string Path, string? Body);

    public sealed class Handler(FlexPayRequestRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            recorder._requests.Enqueue(new SentRequest(request.Method.Method, request.RequestUri!.AbsolutePath, body));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
