using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Tests;

/// <summary>A setting that cannot work stops the host as it starts, with a message naming the setting.</summary>
public sealed class CoreOptionsTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("flexpay-options-").FullName;

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    [Theory]
    [InlineData("FlexPay:BaseUrl", "api.flexpay.io/v1")]
    [InlineData("FlexPay:BaseUrl", "ftp://api.flexpay.io/v1/")]
    [InlineData("FlexPay:Timeout", "00:00:00")]
    [InlineData("Recovery:FirstRetryDelay", "-00:00:01")]
    [InlineData("Recovery:MaxReconcileInterval", "00:00:00")]
    [InlineData("Gateways:MaxRetryDelay", "00:00:01")]
    [InlineData("Gateways:ClaimDuration", "00:00:00")]
    [InlineData("Certification:AnswerGrace", "00:00:00")]
    [InlineData("Certification:PollInterval", "-00:00:01")]
    public async Task A_wrong_setting_stops_the_start_naming_the_setting(string setting, string value)
    {
        using var host = Build(new() { [setting] = value });

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(setting, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_defaults_and_a_real_address_start()
    {
        using var host = Build(new() { ["FlexPay:BaseUrl"] = "https://api.flexpay.io/v1/" });

        await host.StartAsync();
        await host.StopAsync();
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddFlexPayCore(_ => new Uri("http://127.0.0.1:9/"));
        return builder.Build();
    }
}
