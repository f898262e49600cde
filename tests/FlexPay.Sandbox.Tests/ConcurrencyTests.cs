using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Tests;

/// <summary>A correctness check under concurrency (ids, records); throughput is measured in bench/, not here.</summary>
public sealed class Concurrent_charges_are_all_recorded : SandboxTest
{
    [Fact]
    public async Task Every_charge_is_approved_once_with_a_unique_id()
    {
        const int total = 2_000;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 };
        using var client = Sandbox.NewClient(SandboxOptions.DevelopmentApiKey, handler);

        var answers = await Task.WhenAll(Enumerable.Range(0, total).Select(_ => ChargeAsync(Build.Charge(), client)))
            .WaitAsync(TimeSpan.FromSeconds(240));

        Assert.All(answers, a => Assert.Equal("10000", a.Code()));
        Assert.Equal(total, answers.Select(a => a.Id()).Distinct().Count());
        var log = await LogAsync();
        Assert.Equal(total, log.Count);
        Assert.Equal(total, log.Select(e => (string?)e!["transactionId"]).Distinct().Count());
    }
}
