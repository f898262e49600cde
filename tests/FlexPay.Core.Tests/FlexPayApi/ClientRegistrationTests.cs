using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.FlexPayApi;

/// <summary><c>AddFlexPayClient</c> wires the typed client, its base address, timeout and authentication handler.</summary>
public sealed class ClientRegistrationTests
{
    [Fact]
    public async Task The_registered_client_signs_requests_and_resolves_paths_under_the_base_address()
    {
        var transport = StubTransport.AnsweringJson(WireSamples.Approved2019);
        using var provider = Services(transport, _ => new Uri("http://host.test/sandbox/v1"));

        var result = await provider.GetRequiredService<FlexPayClient>().GetTransactionAsync(ClientHarness.Key, "T1");

        Assert.True(result.IsApproved);
        Assert.Equal("http://host.test/sandbox/v1/transactions/T1", transport.Single.Uri.AbsoluteUri);
        Assert.Equal($"Basic {ClientHarness.Key.Value}", transport.Single.Authorization);
    }

    [Fact]
    public async Task The_health_check_of_a_prefixed_base_stays_under_the_prefix()
    {
        var transport = StubTransport.AnsweringJson("""{"message":"Your client successfully connects with FlexPay!"}""");
        using var provider = Services(transport, _ => new Uri("http://host.test/sandbox/v1/"));

        var response = await provider.GetRequiredService<FlexPayClient>().CheckConnectionAsync();

        Assert.True(response.IsOk);
        Assert.Equal("http://host.test/sandbox/api/test", transport.Single.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task The_timeout_comes_from_the_options()
    {
        using var provider = Services(StubTransport.Hanging(), _ => new Uri("http://host.test/v1/"), o => o.Timeout = TimeSpan.FromMilliseconds(50));

        var result = await provider.GetRequiredService<FlexPayClient>().VoidAsync(ClientHarness.Key, "T1", new FollowUpRequest("v-1"));

        Assert.Equal(FlexPayOutcome.OutcomeUnknown, result.Outcome);
    }

    [Fact]
    public async Task The_base_address_is_asked_for_each_new_client()
    {
        var transport = StubTransport.AnsweringJson(WireSamples.Approved2019);
        var port = 1000;
        using var provider = Services(transport, _ => new Uri($"http://host.test:{port++}/v1/"));

        await provider.GetRequiredService<FlexPayClient>().GetTransactionAsync(ClientHarness.Key, "T1");
        await provider.GetRequiredService<FlexPayClient>().GetTransactionAsync(ClientHarness.Key, "T1");

        Assert.Equal([1000, 1001], transport.Requests.Select(r => r.Uri.Port));
    }

    private static ServiceProvider Services(StubTransport transport, Func<IServiceProvider, Uri> baseAddress, Action<FlexPayOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.Configure(configure ?? (_ => { }));
        services.AddFlexPayClient(baseAddress).ConfigurePrimaryHttpMessageHandler(() => transport);
        return services.BuildServiceProvider();
    }
}
