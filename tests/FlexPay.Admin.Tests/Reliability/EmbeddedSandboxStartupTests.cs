using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Testing;

namespace FlexPay.Admin.Tests.Reliability;

/// <summary>
/// The console as its own process with no FlexPay configured. In Development (the newcomer's <c>dotnet run</c>) it
/// embeds the sandbox and reaches it over HTTP on the address it has just started listening on. In Production it
/// does so only when asked to on purpose, with the sandbox's diagnostic endpoints closed and a warning on every page.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class EmbeddedSandboxStartupTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("flexpay-embedded-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task A_development_console_started_with_no_setup_recovers_a_payment_through_its_embedded_sandbox()
    {
        await using var console = await ConsoleProcess.StartDevelopmentAsync(
            _data, "--Sandbox:RetryDelay=00:00:01", "--Recovery:FirstRetryDelay=00:00:01", "--Scheduler:PollingInterval=00:00:00.100");

        using var created = await console.Api.PostAsJsonAsync("api/v1/recoveries", Payloads.DeclinedPayment(2402));
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {await created.Content.ReadAsStringAsync()}\n{console.RecentOutput}");
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var view = await console.Api.WaitForStateAsync(id, "Recovered", TimeSpan.FromSeconds(90));

        Assert.Equal([1, 2], view["attempts"]!.AsArray().Select(a => (int)a!["retryCount"]!));
        using var sandboxLog = await console.Api.GetAsync("sandbox/_log");
        Assert.Equal(HttpStatusCode.OK, sandboxLog.StatusCode);
        Assert.DoesNotContain("Exception", console.RecentOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_console_on_its_embedded_sandbox_hides_the_sandbox_diagnostics_and_warns_on_every_page()
    {
        await using var console = await ConsoleProcess.StartAsync(sandbox: null, _data, "--Sandbox:Embedded=true");

        using var log = await console.Api.GetAsync("sandbox/_log");
        using var clearLog = await console.Api.DeleteAsync("sandbox/_log");
        using var faults = await console.Api.PutAsJsonAsync("sandbox/_faults", new { serverErrorRate = 1.0 });
        using var signIn = await console.Api.GetAsync("Account/Login");
        var created = await console.Api.SubmitAsync(Payloads.DeclinedPayment(2008));

        Assert.Equal(HttpStatusCode.NotFound, log.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, clearLog.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, faults.StatusCode);
        Assert.Contains("data-test=\"embedded-sandbox-banner\"", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("embedded FlexPay sandbox, not to FlexPay", console.RecentOutput, StringComparison.Ordinal);
        Assert.NotEmpty(created);
    }
}
