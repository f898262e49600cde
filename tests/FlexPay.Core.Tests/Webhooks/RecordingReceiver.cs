using System.Net;

namespace FlexPay.Core.Tests.Webhooks;

/// <summary>A webhook receiver inside the HTTP client: records what was posted and answers what <see cref="Answer"/> says.</summary>
internal sealed class RecordingReceiver : IHttpClientFactory
{
    public sealed record Received(string Body, string Signature);

    public List<Received> Requests { get; } = [];

    public Func<string, HttpStatusCode> Answer { get; set; } = _ => HttpStatusCode.OK;

    /// <summary>The body of every answer.</summary>
    public string Content { get; set; } = "ok";

    public HttpClient CreateClient(string name) => new(new Handler(this));

    private sealed class Handler(RecordingReceiver receiver) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            lock (receiver.Requests)
            {
                receiver.Requests.Add(new(body, string.Join(",", request.Headers.GetValues("FlexPay-Console-Signature"))));
            }
            return new HttpResponseMessage(receiver.Answer(body)) { Content = new StringContent(receiver.Content) };
        }
    }
}
