using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlexPay.Testing;

/// <summary>
/// FlexPay's sandbox in the test process, on 127.0.0.1 and a free port: the one every test suite starts (beside a
/// console process, which it outlives when that is killed; under the engine harness; under the client's emulator
/// tests). <see cref="OnCharge"/> lets a test act at the moment the n-th charge arrives.
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

    /// <summary>Where the sandbox is mounted: the server's root, or its prefix under it.</summary>
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

    public static Task<SandboxServer> StartAsync(TimeSpan retryDelay) =>
        StartAsync(new Dictionary<string, string?> { ["Sandbox:RetryDelay"] = retryDelay.ToString("c", CultureInfo.InvariantCulture) });

    /// <summary>
    /// The sandbox with <paramref name="settings"/> (<c>Sandbox:…</c>), on <paramref name="clock"/> when given (a fake
    /// one makes its retry dates and timeouts exact), mapped under <paramref name="prefix"/> as the console maps it
    /// (<c>sandbox</c>) or at the root.
    /// </summary>
    public static async Task<SandboxServer> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider? clock = null, string prefix = "")
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }
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
        var mountedAt = prefix.Trim('/');
        app.MapFlexPaySandbox(mountedAt.Length == 0 ? "" : "/" + mountedAt);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var root = new Uri(address.TrimEnd('/') + "/");
        server = new SandboxServer(app, mountedAt.Length == 0 ? root : new Uri(root, mountedAt + "/"));
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

    public Task SetFaultsAsync(double serverErrorRate = 0, double timeoutRate = 0, double dropRate = 0, TimeSpan? timeoutDelay = null) =>
        SetFaultsAsync(new
        {
            serverErrorRate,
            timeoutRate,
            dropRate,
            timeoutDelay = (timeoutDelay ?? TimeSpan.FromMinutes(2)).ToString("c", CultureInfo.InvariantCulture),
        });

    /// <summary>Sets the injected faults (the sandbox's <c>_faults</c> body, members left out keep their value).</summary>
    public async Task SetFaultsAsync(object faults)
    {
        using var response = await Http.PutAsJsonAsync("_faults", faults);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
