using FlexPay.Core.Recovery;
using FlexPay.Testing;

namespace FlexPay.Core.Tests.Recovery.Engine;

/// <summary>
/// FlexPay so slow that the engine's client gives up on every retry due at one instant (and on the look-ups that
/// follow), yet it processes each charge: the engine reads the outcomes back once FlexPay is quick again.
/// </summary>
public sealed class SlowFlexPayTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Retries_due_while_flexpay_times_out_are_reconciled_once_it_is_quick_again_and_never_resent()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            // 2401 is approved at retry 1.
            ids.Add((await _engine.SubmitAsync(Requests.Payment(2401, merchantDeclinedAt: EngineHarness.Start))).Chain!.Id);
        }
        // The client gives up after 2 s of real time; the sandbox waits on the fake clock, which stands still meanwhile.
        _engine.SetFlexPayTimeout(TimeSpan.FromSeconds(2));
        await _engine.SetSandboxFaultsAsync(timeoutRate: 1);
        await _engine.AdvanceToNextRunAsync();
        await _engine.AdvanceToNextRunAsync();
        var log = await _engine.SandboxLogAsync();
        Assert.Equal(10, log.Count(e => SandboxServer.IsCharge(e) && (string?)e["fault"] == "timeout" && e["responseCode"] is not null));
        Assert.Contains(log, e => !SandboxServer.IsCharge(e) && (string?)e["fault"] == "timeout");

        var quickAgain = _engine.Clock.GetUtcNow();
        await _engine.SetSandboxFaultsAsync();
        _engine.SetFlexPayTimeout(TimeSpan.FromSeconds(15));
        while (await _engine.NextDueAsync() is not null)
        {
            await _engine.AdvanceToNextRunAsync();
        }

        var chains = new List<RecoveryChain>();
        foreach (var id in ids)
        {
            chains.Add(await _engine.ChainAsync(id));
        }
        var processed = await _engine.ProcessedChargesAsync();
        ChargeAudit.AssertExactlyOnceAndNeverEarly(processed, chains);
        Assert.Equal(10, processed.Count);
        // FlexPay had charged: the engine read each outcome back instead of sending again.
        Assert.All(chains, chain =>
        {
            Assert.Equal(ChainState.Recovered, chain.State);
            var charge = Assert.Single(processed, c => (string?)c["orderId"] == chain.OrderId);
            Assert.Equal((string?)charge["transactionId"], chain.RecoveredTransactionId);
            var attempt = Assert.Single(chain.Attempts);
            Assert.True(attempt.AnsweredAt >= quickAgain);
            Assert.Equal((AttemptStatus.Approved, 1), (attempt.Status, attempt.SendCount));
        });
    }
}
