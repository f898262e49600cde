using FlexPay.Testing;
using Microsoft.AspNetCore.Hosting;

namespace FlexPay.Admin.Tests.Identity;

/// <summary>
/// The console as installed in Production: the Bootstrap settings are present but must be ignored; the key ring is
/// protected by a certificate; FlexPay is the embedded sandbox, asked for on purpose.
/// </summary>
public sealed class ProductionAppFactory : ConsoleAppFactory
{
    protected override string EnvironmentName => "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sandbox:Embedded", "true");
        foreach (var (key, value) in KeyRingCertificate.Settings(Path.Combine(WorkDirectory, "key-ring.pfx")))
        {
            builder.UseSetting(key, value);
        }
    }
}
