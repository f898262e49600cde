using FlexPay.Admin.Tests.Reliability;
using FlexPay.Testing;

namespace FlexPay.Admin.Tests.Hosting;

/// <summary>
/// Outside Development a configuration that would leave the console open stops it: the real process exits non-zero
/// and says which setting to fix, before it listens or touches anything.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ProductionStartupTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("flexpay-refused-").FullName;

    [Fact]
    public async Task Production_without_a_FlexPay_base_url_exits_non_zero_naming_the_setting()
    {
        var (exitCode, output) = await ConsoleProcess.RunUntilExitAsync(_data, [.. CertificateArguments()]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("FlexPay:BaseUrl", output, StringComparison.Ordinal);
        Assert.Contains("Sandbox:Embedded=true", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_an_unprotected_key_ring_exits_non_zero_naming_the_setting()
    {
        var (exitCode, output) = await ConsoleProcess.RunUntilExitAsync(_data, "--FlexPay:BaseUrl=http://127.0.0.1:9/v1/");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("DataProtection:CertificatePath", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FlexPay:BaseUrl", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_opened_is_refused_too()
    {
        var wrongPassword = CertificateArguments().Select(a => a.StartsWith("--DataProtection:CertificatePassword=", StringComparison.Ordinal)
            ? "--DataProtection:CertificatePassword=not-the-password" : a);

        var (exitCode, output) = await ConsoleProcess.RunUntilExitAsync(_data, ["--FlexPay:BaseUrl=http://127.0.0.1:9/v1/", .. wrongPassword]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("DataProtection:CertificatePath", output, StringComparison.Ordinal);
        Assert.Contains("could not be loaded", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private IEnumerable<string> CertificateArguments() => KeyRingCertificate.Settings(Path.Combine(_data, "key-ring.pfx")).AsArguments();
}
