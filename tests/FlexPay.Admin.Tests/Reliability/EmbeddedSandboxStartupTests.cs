using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Testing;

namespace FlexPay.Admin.Tests.Reliability;

/// <summary>
/// The newcomer's path: the console started as its own process with no FlexPay configured, so it embeds the
/// sandbox and reaches it over HTTP on the address it has just started listening on.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class EmbeddedSandboxStartupTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("flexpay-embedded-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_data, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_console_started_with_no_setup_recovers_a_payment_through_its_embedded_sandbox()
    {
        await using var console = await ConsoleProcess.StartAsync(
            sandbox: null, _data, "--Sandbox:RetryDelay=00:00:01", "--Recovery:FirstRetryDelay=00:00:01", "--Scheduler:PollingInterval=00:00:00.100");

        using var created = await console.Api.PostAsJsonAsync("api/v1/recoveries", Payloads.DeclinedPayment(2402));
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {await created.Content.ReadAsStringAsync()}\n{console.RecentOutput}");
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var view = await console.Api.WaitForStateAsync(id, "Recovered", TimeSpan.FromSeconds(90));

        Assert.Equal([1, 2], view["attempts"]!.AsArray().Select(a => (int)a!["retryCount"]!));
        using var sandboxLog = await console.Api.GetAsync("sandbox/_log");
        Assert.Equal(HttpStatusCode.OK, sandboxLog.StatusCode);
        Assert.DoesNotContain("Exception", console.RecentOutput, StringComparison.Ordinal);
    }
}
