using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlexPay.Bench.Harness;

/// <summary>
/// The FlexPay sandbox on its own Kestrel listener (127.0.0.1, a free port), as a separately started
/// sandbox would be: the console reaches it through <c>FlexPay:BaseUrl</c> over real HTTP.
/// </summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
        Http = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>The sandbox's root, ending in a slash; the API is under <c>v1/</c>.</summary>
    public Uri Root { get; }

    public Uri ApiBase => new(Root, "v1/");

    public HttpClient Http { get; }

    public static async Task<SandboxHost> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddFlexPaySandbox();
        var app = builder.Build();
        app.MapFlexPaySandbox();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>The charges the sandbox received, with the instant each arrived.</summary>
    public async Task<IReadOnlyList<SandboxCharge>> ChargesAsync()
    {
        var log = await Http.GetFromJsonAsync<JsonArray>("_log") ?? [];
        return [.. log.Select(e => e!.AsObject())
            .Where(e => ((string?)e["path"])?.EndsWith("/gateways/charge", StringComparison.Ordinal) == true)
            .Select(e => new SandboxCharge(
                (string?)e["merchantTransactionId"] ?? "",
                DateTimeOffset.Parse((string)e["receivedAt"]!, CultureInfo.InvariantCulture),
                (string?)e["responseCode"],
                (int?)e["httpStatus"]))];
    }

    public async Task ClearLogAsync()
    {
        using var response = await Http.DeleteAsync("_log");
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}

internal sealed record SandboxCharge(string MerchantTransactionId, DateTimeOffset ReceivedAt, string? ResponseCode, int? HttpStatus);
