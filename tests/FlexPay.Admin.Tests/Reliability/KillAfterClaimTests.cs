using FlexPay.Core.Recovery;
using FlexPay.Testing;
using Xunit.Abstractions;

namespace FlexPay.Admin.Tests.Reliability;

/// <summary>
/// The console is killed (SIGKILL) after it committed a whole batch of claims and while only a few of that batch's
/// requests had gone out, then started again on the same database: the attempts committed Sending but never sent
/// are checked with FlexPay by merchantTransactionId and sent once, those that did reach FlexPay are not sent again.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class KillAfterClaimTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Payments = 30;

    /// <summary>One batch claims every payment, and two requests at a time go out: most of the batch is still to be sent at the kill.</summary>
    private static readonly string[] Settings =
    [
        "--Recovery:FirstRetryDelay=00:00:08", "--Scheduler:PollingInterval=00:00:00.100",
        $"--Scheduler:ClaimBatchSize={Payments}", "--Scheduler:MaxConcurrentSends=2",
    ];

    private readonly string _data = Directory.CreateTempSubdirectory("flexpay-claimkill-").FullName;
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(retryDelay: TimeSpan.FromSeconds(3));

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_console_killed_with_a_claimed_batch_half_sent_sends_the_rest_once_after_restart_and_none_early()
    {
        var declinedAt = DateTimeOffset.UtcNow;
        IReadOnlyList<string> ids;
        await using (var first = await ConsoleProcess.StartAsync(_sandbox, _data, Settings))
        {
            // 1000 is approved at the first retry: one charge per chain, all due at the same instant.
            ids = await Recoveries.SubmitAsync(first.Api, Enumerable.Range(0, Payments).Select(_ => Recoveries.Payment(1000, declinedAt)));
            var firstCharge = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // Every charge is held until the console is dead: with both send slots taken by held requests, nothing
            // more of the claimed batch can go out before the kill, however slowly the kill lands.
            _sandbox.OnCharge = _ =>
            {
                firstCharge.TrySetResult();
                exited.Task.Wait(TimeSpan.FromSeconds(60));
            };
            await firstCharge.Task.WaitAsync(TimeSpan.FromSeconds(90));
            first.Kill();
            await first.WaitForExitAsync();
            exited.SetResult();
            _sandbox.OnCharge = null;
        }
        var atKill = await Recoveries.StoredAttemptsAsync(_data);
        var reachedFlexPay = (await _sandbox.LogAsync()).Count(SandboxServer.IsCharge);
        var sending = atKill.Count(a => a.Status == AttemptStatus.Sending);
        output.WriteLine($"At the kill: {string.Join(", ", atKill.GroupBy(a => a.Status).Select(g => $"{g.Key} {g.Count()}"))}; charges at FlexPay {reachedFlexPay}");
        // The kill landed where this test is about: more attempts committed Sending than requests reached FlexPay.
        Assert.True(sending > reachedFlexPay, $"Expected a claimed batch mostly unsent at the kill; Sending {sending}, at FlexPay {reachedFlexPay}.");

        await using var second = await ConsoleProcess.StartAsync(_sandbox, _data, Settings);
        var chains = await Recoveries.WaitUntilAllAsync(second.Api, ids, "Recovered", TimeSpan.FromMinutes(2));

        var ledger = new ChargeLedger(await _sandbox.ProcessedChargesAsync(), chains);
        output.WriteLine(ledger.ToString());
        ledger.AssertExactlyOnceAndNeverEarly();
        Assert.Equal(Payments, ledger.Sent);
    }
}
