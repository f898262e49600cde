using System.Net.Http.Json;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;
using FlexPay.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FlexPay.Core.Tests.FlexPayApi.Emulator;

/// <summary>
/// The sandbox emulator on real Kestrel (a free loopback port) under <c>/sandbox</c>, as the Admin app maps it,
/// and the real client registered with <see cref="FlexPayServiceCollectionExtensions.AddFlexPayClient"/>.
/// The emulator's clock is fake, so retry dates are exact.
/// </summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    public const string Prefix = "/sandbox";

    public static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);

    public static readonly FlexPayApiKey Key = new(SandboxOptions.DevelopmentApiKey);

    private readonly WebApplication app;
    private readonly ServiceProvider clientServices;

    private EmulatorHost(WebApplication app, Uri root, TimeSpan clientTimeout)
    {
        this.app = app;
        Root = root;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(ClientLogs));
        services.Configure<FlexPayOptions>(o => o.Timeout = clientTimeout);
        services.AddFlexPayClient(_ => new Uri(root, "sandbox/v1/"));
        clientServices = services.BuildServiceProvider();
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Root { get; }

    public FlexPayClient Client => clientServices.GetRequiredService<FlexPayClient>();

    /// <summary>Everything the client side logged, at every level and from every category.</summary>
    public CollectingLoggerProvider ClientLogs { get; } = new();

    public static async Task<EmulatorHost> StartAsync(IDictionary<string, string?>? settings = null, TimeSpan? clientTimeout = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        builder.AddFlexPaySandbox();
        var app = builder.Build();
        app.MapFlexPaySandbox(Prefix);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorHost(app, new Uri(address.TrimEnd('/') + "/"), clientTimeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>Switches the emulator's injected outages (its <c>_faults</c> endpoint) while it runs.</summary>
    public async Task SetFaultsAsync(object faults)
    {
        using var http = new HttpClient { BaseAddress = Root };
        using var response = await http.PutAsJsonAsync("sandbox/_faults", faults);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await clientServices.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
