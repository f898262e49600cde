using FlexPay.Core.Recovery;
using FlexPay.Testing;
using Xunit.Abstractions;

namespace FlexPay.Admin.Tests.Reliability;

/// <summary>
/// The console process is killed (SIGKILL) in the middle of a burst of retries and started again on the
/// same database; the sandbox, in this process, lives through it and records every charge it gets.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Payments = 40;
    private readonly string _data = Directory.CreateTempSubdirectory("flexpay-crash-").FullName;
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(retryDelay: TimeSpan.FromSeconds(3));

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_console_killed_mid_burst_sends_every_retry_exactly_once_after_restart_and_none_early()
    {
        string[] settings = ["--Recovery:FirstRetryDelay=00:00:15", "--Scheduler:PollingInterval=00:00:00.100"];
        var declinedAt = DateTimeOffset.UtcNow;
        IReadOnlyList<string> ids;
        await using (var first = await ConsoleProcess.StartAsync(_sandbox, _data, settings))
        {
            // 2402 declines retry 1 (with a retry date three seconds on) and approves retry 2: two retries per chain,
            // every first one due at the same instant.
            ids = await Recoveries.SubmitAsync(first.Api, Enumerable.Range(0, Payments).Select(_ => Recoveries.Payment(2402, declinedAt)));
            var killed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            // Halfway through the charges still to come: the first retries' burst, unless a very loaded machine took
            // longer to submit the payments than they took to fall due; then the second retries'.
            var chargesSoFar = (await _sandbox.LogAsync()).Count(SandboxServer.IsCharge);
            var killAt = chargesSoFar < Payments - 1
                ? chargesSoFar + (Payments - chargesSoFar) / 2
                : chargesSoFar + Math.Max(1, (2 * Payments - chargesSoFar) / 2);
            _sandbox.OnCharge = n =>
            {
                if (n == killAt)
                {
                    first.Kill();
                    killed.TrySetResult(n);
                }
            };
            await killed.Task.WaitAsync(TimeSpan.FromSeconds(90));
            await first.WaitForExitAsync();
            _sandbox.OnCharge = null;
        }
        var atKill = await Recoveries.StoredAttemptsAsync(_data);
        output.WriteLine("At the kill: " + string.Join(", ", atKill.GroupBy(a => a.Status).Select(g => $"{g.Key} {g.Count()}")));

        await using var second = await ConsoleProcess.StartAsync(_sandbox, _data, settings);
        var chains = await Recoveries.WaitUntilAllAsync(second.Api, ids, "Recovered", TimeSpan.FromMinutes(2));

        var ledger = new ChargeLedger(await _sandbox.ProcessedChargesAsync(), chains);
        output.WriteLine(ledger.ToString());
        ledger.AssertExactlyOnceAndNeverEarly();
        Assert.Equal(2 * Payments, ledger.Sent);
        Assert.All(chains, c => Assert.Equal([1, 2], c["attempts"]!.AsArray().Select(a => (int)a!["retryCount"]!)));
        // The kill did land mid-burst: retries were still waiting or in flight.
        Assert.Contains(atKill, a => a.Status is AttemptStatus.Scheduled or AttemptStatus.Sending);
    }
}
