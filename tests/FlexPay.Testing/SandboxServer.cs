using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlexPay.Testing;

/// <summary>
/// FlexPay's sandbox in the test process, on 127.0.0.1 and a free port, so that it outlives the console
/// it serves when that is killed. <see cref="OnCharge"/> lets a test act at the moment the n-th charge arrives.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _charges;
    private int _refunds;

    private SandboxServer(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
        Http = new HttpClient { BaseAddress = root };
    }

    public Uri Root { get; }

    public Uri ApiBase => new(Root, "v1/");

    public HttpClient Http { get; }

    /// <summary>Called with the 1-based number of each charge request as it arrives, before the sandbox sees it.</summary>
    public Action<int>? OnCharge { get; set; }

    /// <summary>
    /// Called with the 1-based number of each refund as its answer is about to be sent: FlexPay has made the refund,
    /// its caller has heard nothing yet.
    /// </summary>
    public Action<int>? OnRefundAnswered { get; set; }

    public static async Task<SandboxServer> StartAsync(TimeSpan retryDelay)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Sandbox:RetryDelay"] = retryDelay.ToString("c", CultureInfo.InvariantCulture);
        builder.Logging.ClearProviders();
        builder.AddFlexPaySandbox();
        var app = builder.Build();
        SandboxServer? server = null;
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Value?.EndsWith("/gateways/charge", StringComparison.Ordinal) == true)
            {
                server!.OnCharge?.Invoke(Interlocked.Increment(ref server._charges));
            }
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Value?.EndsWith("/refund", StringComparison.Ordinal) == true)
            {
                context.Response.OnStarting(() =>
                {
                    server!.OnRefundAnswered?.Invoke(Interlocked.Increment(ref server._refunds));
                    return Task.CompletedTask;
                });
            }
            await next(context);
        });
        app.MapFlexPaySandbox();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new SandboxServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    public async Task<IReadOnlyList<JsonObject>> LogAsync() =>
        [.. (await Http.GetFromJsonAsync<JsonArray>("_log"))!.Select(e => e!.AsObject())];

    /// <summary>
    /// Charges the sandbox processed: answered with a response code (a 500 fault processes nothing), other
    /// than the duplicate-id refusal 50129, which charges no one.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> ProcessedChargesAsync() =>
        [.. (await LogAsync()).Where(e => IsCharge(e) && (string?)e["responseCode"] is { } code && code != "50129")];

    public static bool IsCharge(JsonObject entry) =>
        ((string?)entry["path"])?.EndsWith("/gateways/charge", StringComparison.Ordinal) == true;

    public async Task SetFaultsAsync(double serverErrorRate = 0, double timeoutRate = 0, double dropRate = 0, TimeSpan? timeoutDelay = null)
    {
        using var response = await Http.PutAsJsonAsync("_faults", new
        {
            serverErrorRate,
            timeoutRate,
            dropRate,
            timeoutDelay = (timeoutDelay ?? TimeSpan.FromMinutes(2)).ToString("c", CultureInfo.InvariantCulture),
        });
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
