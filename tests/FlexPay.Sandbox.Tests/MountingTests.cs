using System.Net;
using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Tests;

public sealed class Emulator_can_be_mounted_under_a_prefix : IAsyncLifetime
{
    private SandboxHost? sandbox;

    public async Task InitializeAsync() => sandbox = await SandboxHost.StartAsync(prefix: "/sandbox");

    public async Task DisposeAsync() => await sandbox!.DisposeAsync();

    [Fact]
    public async Task Api_health_log_and_faults_live_under_the_prefix()
    {
        var client = sandbox!.Client;
        using var charge = await client.PostAsync("v1/gateways/charge",
            new StringContent(new JsonObject { ["transaction"] = Build.Charge() }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var health = await client.GetStringAsync("api/test");
        var log = JsonNode.Parse(await client.GetStringAsync("_log"))!.AsArray();
        using var faults = await client.GetAsync("_faults");
        using var outside = await client.GetAsync(new Uri(sandbox.Address, "/v1/transactions"));

        Assert.Equal(HttpStatusCode.OK, charge.StatusCode);
        Assert.Equal("http", sandbox.Address.Scheme);
        Assert.EndsWith("/sandbox/", sandbox.Address.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("successfully connects", health, StringComparison.Ordinal);
        Assert.Equal("/sandbox/v1/gateways/charge", (string?)Assert.Single(log)!["path"]);
        Assert.Equal(HttpStatusCode.OK, faults.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }
}
