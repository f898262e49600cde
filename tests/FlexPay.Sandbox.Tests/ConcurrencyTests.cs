using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Tests;

public sealed class Ten_thousand_concurrent_charges_are_all_recorded : SandboxTest
{
    [Fact]
    public async Task Every_charge_is_approved_once_with_a_unique_id()
    {
        const int total = 10_000;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 };
        using var client = Sandbox.NewClient(SandboxOptions.DevelopmentApiKey, handler);

        var answers = await Task.WhenAll(Enumerable.Range(0, total).Select(_ => ChargeAsync(Build.Charge(), client)))
            .WaitAsync(TimeSpan.FromSeconds(120));

        Assert.All(answers, a => Assert.Equal("10000", a.Code()));
        Assert.Equal(total, answers.Select(a => a.Id()).Distinct().Count());
        var log = await LogAsync();
        Assert.Equal(total, log.Count);
        Assert.Equal(total, log.Select(e => (string?)e!["transactionId"]).Distinct().Count());
    }
}
