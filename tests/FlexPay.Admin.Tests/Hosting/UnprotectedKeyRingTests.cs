using FlexPay.Core.Persistence;
using Microsoft.AspNetCore.Hosting;

namespace FlexPay.Admin.Tests.Hosting;

/// <summary>
/// <c>DataProtection:AllowUnprotectedKeys=true</c> lets a Production console start without a certificate, and it
/// says so in the log: the keys are then readable by anyone with a copy of the data folder.
/// </summary>
public sealed class UnprotectedKeyRingTests(UnprotectedKeyRingTests.ThrowAwayInstall app) : IClassFixture<UnprotectedKeyRingTests.ThrowAwayInstall>
{
    /// <summary>A Production console on its embedded sandbox whose key ring is left unencrypted on purpose.</summary>
    public sealed class ThrowAwayInstall : ConsoleAppFactory
    {
        protected override string EnvironmentName => "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sandbox:Embedded", "true");
            builder.UseSetting("DataProtection:AllowUnprotectedKeys", "true");
        }
    }

    [Fact]
    public void The_console_starts_and_warns_that_its_key_ring_is_not_encrypted_at_rest()
    {
        var warning = Assert.Single(app.Logs.Lines, line => line.Contains("is not encrypted at rest", StringComparison.Ordinal));

        Assert.StartsWith("Warning ", warning, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(app.DataDirectory, StorageOptions.KeysFolderName), warning, StringComparison.Ordinal);
        Assert.Contains("(DataProtection:AllowUnprotectedKeys=true)", warning, StringComparison.Ordinal);
        Assert.Contains("anyone with a copy of it can read the FlexPay keys", warning, StringComparison.Ordinal);
    }
}
