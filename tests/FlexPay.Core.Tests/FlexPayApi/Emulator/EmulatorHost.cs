using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;
using FlexPay.Sandbox;
using FlexPay.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FlexPay.Core.Tests.FlexPayApi.Emulator;

/// <summary>
/// The sandbox emulator (<see cref="SandboxServer"/>) under <c>/sandbox</c>, as the Admin app maps it,
/// and the real client registered with <see cref="FlexPayServiceCollectionExtensions.AddFlexPayClient"/>.
/// The emulator's clock is fake, so retry dates are exact.
/// </summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    public const string Prefix = "/sandbox";

    public static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);

    public static readonly FlexPayApiKey Key = new(SandboxOptions.DevelopmentApiKey);

    private readonly SandboxServer sandbox;
    private readonly ServiceProvider clientServices;

    private EmulatorHost(SandboxServer sandbox, Uri root, TimeSpan clientTimeout)
    {
        this.sandbox = sandbox;
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
        var sandbox = await SandboxServer.StartAsync(
            new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()), new FakeTimeProvider(Now), Prefix);
        return new EmulatorHost(sandbox, new Uri(sandbox.Root, "/"), clientTimeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>Switches the emulator's injected outages (its <c>_faults</c> endpoint) while it runs.</summary>
    public Task SetFaultsAsync(object faults) => sandbox.SetFaultsAsync(faults);

    public async ValueTask DisposeAsync()
    {
        await clientServices.DisposeAsync();
        await sandbox.DisposeAsync();
    }
}
