using FlexPay.Core.Recovery;
using FlexPay.Testing;

namespace FlexPay.Core.Tests.Recovery.Engine;

public class CrashAndOutageTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await StartEngineAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    /// <summary>The engine this class runs on: SQLite here, PostgreSQL in <see cref="CrashAndOutageOnPostgres"/>.</summary>
    private protected virtual Task<EngineHarness> StartEngineAsync() => EngineHarness.StartAsync();

    [Fact]
    public async Task Pending_retries_survive_a_restart_and_each_is_sent_exactly_once()
    {
        var chains = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            chains.Add((await _engine.SubmitAsync(Requests.Payment(2008))).Chain!.Id);
        }
        await _engine.RunDueAsync();
        Assert.Equal(5, (await _engine.ProcessedChargesAsync()).Count);

        var retryAt = await _engine.NextDueAsync();

        await _engine.RestartEngineAsync();
        Assert.Equal(retryAt, await _engine.NextDueAsync());
        await _engine.AdvanceToNextRunAsync();
        await _engine.RestartEngineAsync();
        await _engine.RunDueAsync();

        var charges = await _engine.ProcessedChargesAsync();
        Assert.Equal(10, charges.Count);
        Assert.Equal(10, charges.Select(c => (string?)c["merchantTransactionId"]).Distinct().Count());
        Assert.All(charges.GroupBy(c => (string?)c["orderId"]), order => Assert.Equal([0, 1], order.Select(c => (int)c["retryCount"]!)));
    }

    [Fact]
    public async Task An_attempt_interrupted_mid_send_is_reconciled_not_resent()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(1000));
        await _engine.SetSandboxFaultsAsync(dropRate: 1);
        await _engine.RunDueAsync();
        var chain = await _engine.ChainAsync(created.Chain!.Id);
        Assert.Equal(ChainState.OutcomeUnknown, chain.State);
        await _engine.SetSandboxFaultsAsync();

        await _engine.RestartEngineAsync();
        await _engine.AdvanceToNextRunAsync();

        chain = await _engine.ChainAsync(created.Chain.Id);
        Assert.Equal(ChainState.Recovered, chain.State);
        Assert.Single(await _engine.ProcessedChargesAsync());
        Assert.Equal(1, chain.Attempts[0].SendCount);
    }

    [Fact]
    public async Task Lost_answers_are_reconciled_each_customer_is_charged_once_and_a_reconciled_decline_carries_on_at_its_retry_date()
    {
        // Half approve at retry 1; half decline it (the lost answer then carries the retry date and reference data
        // that retry 2 needs) and approve retry 2.
        var ids = await SubmitDeclinedAsync(Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? 2401L : 2402L));
        await _engine.SetSandboxFaultsAsync(dropRate: 1);
        await _engine.AdvanceToNextRunAsync();
        Assert.Equal(8, (await _engine.ProcessedChargesAsync()).Count(c => (string?)c["fault"] == "drop"));
        await _engine.SetSandboxFaultsAsync();

        await RunToTheEndAsync();

        var chains = await ChainsAsync(ids);
        var processed = await _engine.ProcessedChargesAsync();
        ChargeAudit.AssertExactlyOnceAndNeverEarly(processed, chains);
        var dropped = processed.Where(c => (string?)c["fault"] == "drop").ToDictionary(c => (string)c["merchantTransactionId"]!);
        Assert.All(chains, chain =>
        {
            Assert.Equal(ChainState.Recovered, chain.State);
            var approved = Assert.Single(processed, c => (string?)c["orderId"] == chain.OrderId && (string?)c["responseCode"] == "10000");
            Assert.Equal((string?)approved["transactionId"], chain.RecoveredTransactionId);
            var first = dropped[chain.Attempts[0].MerchantTransactionId];
            Assert.Equal((string?)first["responseCode"], chain.Attempts[0].ResponseCode);
            // Reconciled, never resent.
            Assert.Equal(1, chain.Attempts[0].SendCount);
            if (chain.Attempts.Count == 2)
            {
                Assert.Equal((string?)first["responseReferenceData"], chain.Attempts[1].ReferenceDataSent);
                Assert.Equal(ChargeAudit.Instant(first["retryDate"]), chain.Attempts[1].DueAt);
            }
        });
        Assert.Equal(4, chains.Count(c => c.Attempts.Count == 2));
    }

    [Fact]
    public async Task Retries_due_during_a_500_outage_are_sent_again_once_it_ends_none_lost_none_doubled_none_early()
    {
        // 2401 is approved at retry 1: one retry per chain, all due at one instant.
        var ids = await SubmitDeclinedAsync(Enumerable.Repeat(2401L, 10));
        await _engine.SetSandboxFaultsAsync(serverErrorRate: 1);
        await _engine.AdvanceToNextRunAsync();
        await _engine.AdvanceToNextRunAsync();
        var log = await _engine.SandboxLogAsync();
        Assert.Equal(10, log.Count(e => SandboxServer.IsCharge(e) && (string?)e["fault"] == "serverError"));
        Assert.Contains(log, e => !SandboxServer.IsCharge(e) && (string?)e["fault"] == "serverError");
        Assert.All(await ChainsAsync(ids), chain => Assert.Equal(ChainState.OutcomeUnknown, chain.State));

        var outageEnded = _engine.Clock.GetUtcNow();
        await _engine.SetSandboxFaultsAsync();
        await RunToTheEndAsync();

        var chains = await ChainsAsync(ids);
        var processed = await _engine.ProcessedChargesAsync();
        ChargeAudit.AssertExactlyOnceAndNeverEarly(processed, chains);
        Assert.Equal(10, processed.Count);
        Assert.All(processed, c => Assert.True(ChargeAudit.Instant(c["receivedAt"]) >= outageEnded, "A charge was processed during the outage."));
        // Each retry left on time during the outage, was answered after it, and was sent twice under one
        // merchantTransactionId (again only after FlexPay said it had no record of the first).
        Assert.All(chains, chain =>
        {
            Assert.Equal(ChainState.Recovered, chain.State);
            var attempt = Assert.Single(chain.Attempts);
            Assert.Equal(attempt.DueAt, attempt.SentAt);
            Assert.True(attempt.SentAt < outageEnded);
            Assert.True(attempt.AnsweredAt >= outageEnded);
            Assert.Equal((AttemptStatus.Approved, 2), (attempt.Status, attempt.SendCount));
        });
    }

    private async Task<IReadOnlyList<Guid>> SubmitDeclinedAsync(IEnumerable<long> amounts)
    {
        var ids = new List<Guid>();
        foreach (var amount in amounts)
        {
            ids.Add((await _engine.SubmitAsync(Requests.Payment(amount, merchantDeclinedAt: EngineHarness.Start))).Chain!.Id);
        }
        return ids;
    }

    private async Task RunToTheEndAsync()
    {
        while (await _engine.NextDueAsync() is not null)
        {
            await _engine.AdvanceToNextRunAsync();
        }
    }

    private async Task<IReadOnlyList<RecoveryChain>> ChainsAsync(IEnumerable<Guid> ids)
    {
        var chains = new List<RecoveryChain>();
        foreach (var id in ids)
        {
            chains.Add(await _engine.ChainAsync(id));
        }
        return chains;
    }
}

/// <summary>The same tests with the engine on PostgreSQL, a fresh database each.</summary>
[Collection(PostgresServer.Collection)]
public sealed class CrashAndOutageOnPostgres(PostgresServer postgres) : CrashAndOutageTests
{
    private protected override async Task<EngineHarness> StartEngineAsync() => await EngineHarness.StartAsync(postgres: await postgres.CreateDatabaseAsync());
}
