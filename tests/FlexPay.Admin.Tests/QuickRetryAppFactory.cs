using Microsoft.AspNetCore.Hosting;

namespace FlexPay.Admin.Tests;

/// <summary>
/// The console with retries a second apart (the first retry, and the retry dates the sandbox hands out), so a
/// recovery runs to its end within a test; elsewhere a retry firing mid-test would change what the test sees.
/// </summary>
public class QuickRetryAppFactory : ConsoleAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sandbox:RetryDelay", "00:00:01");
        builder.UseSetting("Recovery:FirstRetryDelay", "00:00:01");
    }
}
