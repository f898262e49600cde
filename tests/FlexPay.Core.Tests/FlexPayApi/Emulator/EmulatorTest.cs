namespace FlexPay.Core.Tests.FlexPayApi.Emulator;

/// <summary>A fresh emulator per test, so no company state leaks between tests.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    private EmulatorHost? host;

    internal EmulatorHost Host => host ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>Emulator configuration (keys such as <c>Sandbox:OffsetlessRetryDate</c>); none by default.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    protected virtual TimeSpan? ClientTimeout => null;

    public async Task InitializeAsync() => host = await EmulatorHost.StartAsync(Settings, ClientTimeout);

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
