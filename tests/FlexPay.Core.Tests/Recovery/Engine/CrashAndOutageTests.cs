using FlexPay.Testing;
using FlexPay.Core.Recovery;

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
    public async Task A_lost_response_is_reconciled_and_the_customer_is_charged_once()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(1000));
        await _engine.SetSandboxFaultsAsync(dropRate: 1);
        await _engine.RunDueAsync();
        await _engine.SetSandboxFaultsAsync();

        await _engine.AdvanceToNextRunAsync();

        var chain = await _engine.ChainAsync(created.Chain!.Id);
        Assert.Equal(ChainState.Recovered, chain.State);
        Assert.NotNull(chain.RecoveredTransactionId);
        var charge = Assert.Single(await _engine.ProcessedChargesAsync());
        Assert.Equal(chain.RecoveredTransactionId, (string?)charge["transactionId"]);
    }

    [Fact]
    public async Task Retries_due_during_an_outage_are_sent_once_it_ends_and_none_is_doubled()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await _engine.SubmitAsync(Requests.Payment(1000 + i))).Chain!.Id);
        }
        await _engine.SetSandboxFaultsAsync(serverErrorRate: 1);
        await _engine.RunDueAsync();
        await _engine.AdvanceToNextRunAsync();
        foreach (var id in ids)
        {
            Assert.Equal(ChainState.OutcomeUnknown, (await _engine.ChainAsync(id)).State);
        }

        await _engine.SetSandboxFaultsAsync();
        while (await _engine.NextDueAsync() is not null)
        {
            await _engine.AdvanceToNextRunAsync();
        }

        foreach (var id in ids)
        {
            var chain = await _engine.ChainAsync(id);
            Assert.Equal(ChainState.Recovered, chain.State);
            Assert.Single(chain.Attempts);
        }
        var processed = await _engine.ProcessedChargesAsync();
        Assert.Equal(3, processed.Count);
        Assert.Equal(3, processed.Select(c => (string?)c["merchantTransactionId"]).Distinct().Count());
    }
}

/// <summary>The same tests with the engine on PostgreSQL, a fresh database each.</summary>
[Collection(PostgresServer.Collection)]
public sealed class CrashAndOutageOnPostgres(PostgresServer postgres) : CrashAndOutageTests
{
    private protected override async Task<EngineHarness> StartEngineAsync() => await EngineHarness.StartAsync(await postgres.CreateDatabaseAsync());
}
