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

namespace FlexPay.Bench.Harness;

/// <summary>
/// A billing system's webhook receiver on its own Kestrel listener (127.0.0.1, a free port): answers 200 at once, and
/// keeps each post's event id, its arrival and whether its signature verified with <see cref="Secret"/>.
/// </summary>
internal sealed class WebhookReceiverHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiverHost(WebApplication app) => _app = app;

    public sealed record Post(Guid EventId, string Type, DateTimeOffset ReceivedAt, bool SignatureValid);

    public ConcurrentQueue<Post> Posts { get; } = new();

    public string Secret { get; set; } = "";

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookReceiverHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiverHost(builder.Build());
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
        using var envelope = JsonDocument.Parse(body);
        Posts.Enqueue(new(
            envelope.RootElement.GetProperty("id").GetGuid(),
            envelope.RootElement.GetProperty("type").GetString() ?? "",
            DateTimeOffset.UtcNow,
            Verify(body, request.Headers["FlexPay-Console-Signature"].ToString(), Secret)));
        return Results.Ok();
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
