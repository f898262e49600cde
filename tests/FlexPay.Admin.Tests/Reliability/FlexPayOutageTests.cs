using FlexPay.Core.Recovery;
using FlexPay.Testing;
using Xunit.Abstractions;

namespace FlexPay.Admin.Tests.Reliability;

/// <summary>FlexPay fails for a while (500s, then separately timeouts) exactly when a set of retries falls due.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class FlexPayOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Payments = 10;
    private readonly string _data = Directory.CreateTempSubdirectory("flexpay-outage-").FullName;
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(retryDelay: TimeSpan.FromSeconds(3));

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Retries_due_while_flexpay_answers_500_are_sent_once_it_recovers_none_lost_none_doubled()
    {
        await using var console = await ConsoleProcess.StartAsync(_sandbox, _data, "--Recovery:FirstRetryDelay=00:00:10", "--Scheduler:PollingInterval=00:00:00.100");
        // 2401 is approved at retry 1: one retry per chain.
        var ids = await Recoveries.SubmitAsync(console.Api, Enumerable.Range(0, Payments).Select(_ => Recoveries.Payment(2401, DateTimeOffset.UtcNow)));
        await _sandbox.SetFaultsAsync(serverErrorRate: 1);

        // Every retry goes out on time and gets a 500; so does at least one of the look-ups that follow.
        await Recoveries.WaitUntilAsync(async () =>
        {
            var log = await _sandbox.LogAsync();
            return log.Count(e => SandboxServer.IsCharge(e) && (string?)e["fault"] == "serverError") >= Payments
                && log.Any(e => !SandboxServer.IsCharge(e) && (string?)e["fault"] == "serverError");
        }, TimeSpan.FromSeconds(90), "every retry and a look-up to meet the outage");
        var recovered = DateTimeOffset.UtcNow;
        await _sandbox.SetFaultsAsync();
        var chains = await Recoveries.WaitUntilAllAsync(console.Api, ids, "Recovered", TimeSpan.FromSeconds(90));

        var processed = await _sandbox.ProcessedChargesAsync();
        var ledger = new ChargeLedger(processed, chains);
        output.WriteLine(ledger.ToString());
        ledger.AssertExactlyOnceAndNeverEarly();
        Assert.Equal(Payments, ledger.Sent);
        Assert.All(processed, c => Assert.True(Recoveries.Instant(c["receivedAt"]) >= recovered, "A charge was processed during the outage."));
        // Each chain shows it: its retry left on time during the outage, was answered after it, and was sent twice
        // under one merchantTransactionId (again only after FlexPay said it had no record of the first).
        Assert.All(chains, chain =>
        {
            var attempt = Assert.Single(chain["attempts"]!.AsArray())!;
            Assert.True(Recoveries.Instant(attempt["sentAt"]) < recovered);
            Assert.True(Recoveries.Instant(attempt["answeredAt"]) >= recovered);
        });
        Assert.All(await Recoveries.StoredAttemptsAsync(_data), a => Assert.Equal((AttemptStatus.Approved, 2), (a.Status, a.SendCount)));
    }

    [Fact]
    public async Task Retries_due_while_flexpay_times_out_are_reconciled_once_it_recovers_and_never_resent()
    {
        await using var console = await ConsoleProcess.StartAsync(_sandbox, _data,
            "--Recovery:FirstRetryDelay=00:00:10", "--Scheduler:PollingInterval=00:00:00.100", "--FlexPay:Timeout=00:00:04");
        var ids = await Recoveries.SubmitAsync(console.Api, Enumerable.Range(0, Payments).Select(_ => Recoveries.Payment(2401, DateTimeOffset.UtcNow)));
        // A slow FlexPay: the console gives up after 4 s; the sandbox then still processes what it was sent.
        await _sandbox.SetFaultsAsync(timeoutRate: 1, timeoutDelay: TimeSpan.FromMinutes(1));

        await Recoveries.WaitUntilAsync(async () =>
        {
            var log = await _sandbox.LogAsync();
            return log.Count(e => SandboxServer.IsCharge(e) && (string?)e["fault"] == "timeout" && e["responseCode"] is not null) >= Payments
                && log.Any(e => !SandboxServer.IsCharge(e) && (string?)e["fault"] == "timeout");
        }, TimeSpan.FromSeconds(90), "every retry and a look-up to time out");
        var recovered = DateTimeOffset.UtcNow;
        await _sandbox.SetFaultsAsync();
        var chains = await Recoveries.WaitUntilAllAsync(console.Api, ids, "Recovered", TimeSpan.FromSeconds(90));

        var processed = await _sandbox.ProcessedChargesAsync();
        var ledger = new ChargeLedger(processed, chains);
        output.WriteLine(ledger.ToString());
        ledger.AssertExactlyOnceAndNeverEarly();
        Assert.Equal(Payments, ledger.Sent);
        // FlexPay had charged: the console read the outcome back instead of sending again.
        Assert.All(chains, chain =>
        {
            var charge = Assert.Single(processed, c => (string?)c["orderId"] == (string?)chain["orderId"]);
            Assert.Equal((string?)charge["transactionId"], (string?)chain["recoveredTransactionId"]);
            Assert.True(Recoveries.Instant(Assert.Single(chain["attempts"]!.AsArray())!["answeredAt"]) >= recovered);
        });
        Assert.All(await Recoveries.StoredAttemptsAsync(_data), a => Assert.Equal((AttemptStatus.Approved, 1), (a.Status, a.SendCount)));
    }
}
