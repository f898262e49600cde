using FlexPay.Core.Recovery;
using FlexPay.Testing;
using Xunit.Abstractions;

namespace FlexPay.Admin.Tests.Reliability;

/// <summary>FlexPay records the charges, then the connections drop before the answers arrive.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class LostResponseTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Payments = 8;
    private readonly string _data = Directory.CreateTempSubdirectory("flexpay-lost-").FullName;
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(retryDelay: TimeSpan.FromSeconds(3));

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Lost_answers_are_reconciled_and_each_customer_is_charged_once()
    {
        await using var console = await ConsoleProcess.StartAsync(_sandbox, _data, "--Recovery:FirstRetryDelay=00:00:08", "--Scheduler:PollingInterval=00:00:00.100");
        // Half approve at retry 1; half decline it (the lost answer then carries the retry date and reference data
        // that retry 2 needs) and approve retry 2.
        var declinedAt = DateTimeOffset.UtcNow;
        var ids = await Recoveries.SubmitAsync(console.Api, Enumerable.Range(0, Payments).Select(i => Recoveries.Payment(i % 2 == 0 ? 2401 : 2402, declinedAt)));
        await _sandbox.SetFaultsAsync(dropRate: 1);
        await Recoveries.WaitUntilAsync(
            async () => (await _sandbox.LogAsync()).Count(e => SandboxServer.IsCharge(e) && (string?)e["fault"] == "drop") >= Payments,
            TimeSpan.FromSeconds(90), "every first retry to lose its answer");
        await _sandbox.SetFaultsAsync();
        var chains = await Recoveries.WaitUntilAllAsync(console.Api, ids, "Recovered", TimeSpan.FromSeconds(90));

        var processed = await _sandbox.ProcessedChargesAsync();
        var ledger = new ChargeLedger(processed, chains);
        output.WriteLine(ledger.ToString());
        ledger.AssertExactlyOnceAndNeverEarly();
        var dropped = processed.Where(c => (string?)c["fault"] == "drop").ToDictionary(c => (string)c["merchantTransactionId"]!);
        Assert.Equal(Payments, dropped.Count);
        Assert.All(chains, chain =>
        {
            var approved = Assert.Single(processed, c => (string?)c["orderId"] == (string?)chain["orderId"] && (string?)c["responseCode"] == "10000");
            Assert.Equal((string?)approved["transactionId"], (string?)chain["recoveredTransactionId"]);
            var attempts = chain["attempts"]!.AsArray();
            var first = dropped[(string)attempts[0]!["merchantTransactionId"]!];
            Assert.Equal((string?)first["responseCode"], (string?)attempts[0]!["responseCode"]);
            if (attempts.Count == 2)
            {
                // The reconciled decline's reference data was carried to the next retry, at its retry date.
                Assert.Equal((string?)first["responseReferenceData"], (string?)attempts[1]!["referenceDataSent"]);
                Assert.Equal(Recoveries.Instant(first["retryDate"]), Recoveries.Instant(attempts[1]!["dueAt"]));
            }
        });
        // Reconciled, never resent: each dropped attempt went out once.
        Assert.All((await Recoveries.StoredAttemptsAsync(_data)).Where(a => dropped.ContainsKey(a.MerchantTransactionId)),
            a => Assert.Equal(1, a.SendCount));
    }
}
