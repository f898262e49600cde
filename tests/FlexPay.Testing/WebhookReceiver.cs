using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlexPay.Testing;

/// <summary>
/// A billing system's receiver on 127.0.0.1 (Kestrel, a free port): verifies each delivery's signature the way the
/// README tells receivers to, and answers 500 to the first <see cref="FailFirst"/> posts. <see cref="BeforeAnswer"/> may
/// hold a post before it is answered (the post is recorded as received either way). Used by the tests and the webhooks
/// benchmark.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _posts;

    private WebhookReceiver(WebApplication app) => _app = app;

    public sealed record Post(string Body, string Signature, bool SignatureValid, int Status)
    {
        /// <summary>The event's id, by which receivers deduplicate.</summary>
        public Guid EventId
        {
            get
            {
                using var envelope = JsonDocument.Parse(Body);
                return envelope.RootElement.GetProperty("id").GetGuid();
            }
        }
    }

    public ConcurrentQueue<Post> Posts { get; } = new();

    public int FailFirst { get; set; }

    public string Secret { get; set; } = "";

    /// <summary>Awaited with each post's body after it is recorded and before it is answered.</summary>
    public Func<string, Task>? BeforeAnswer { get; set; }

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.MapPost("/events", receiver.ReceiveAsync);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/events");
        return receiver;
    }

    public void Clear() => Posts.Clear();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var signature = request.Headers["FlexPay-Console-Signature"].ToString();
        var status = Interlocked.Increment(ref _posts) <= FailFirst ? 500 : 200;
        Posts.Enqueue(new(body, signature, Verify(body, signature, Secret), status));
        if (BeforeAnswer is { } hold)
        {
            await hold(body);
        }
        return Results.StatusCode(status);
    }

    /// <summary>The README's receiver check: HMAC-SHA256 of "t.body" with the secret equals one of the v1 values.</summary>
    private static bool Verify(string body, string header, string secret)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToList();
        var timestamp = parts.FirstOrDefault(p => p[0] == "t")?[1];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return timestamp is not null
            && parts.Where(p => p[0] == "v1").Any(p => p[1].Length == 64 && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(p[1]), expected));
    }
}
