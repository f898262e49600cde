using FlexPay.Testing;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Recovery.Engine;

public class StalledWorkTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await StartEngineAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    /// <summary>The engine this class runs on: SQLite here, PostgreSQL in <see cref="StalledWorkOnPostgres"/>.</summary>
    private protected virtual Task<EngineHarness> StartEngineAsync() => EngineHarness.StartAsync();

    private StalledWorkSweeper Sweeper => _engine.Services.GetRequiredService<StalledWorkSweeper>();

    [Fact]
    public async Task An_overdue_attempt_whose_timer_was_lost_is_sent_once()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(1000));
        _engine.Scheduler.Forget();
        _engine.Clock.Advance(new RecoveryOptions().StalledGrace - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await Sweeper.SweepAsync());

        _engine.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await Sweeper.SweepAsync());
        await _engine.RunDueAsync();

        Assert.Equal(ChainState.Recovered, (await _engine.ChainAsync(created.Chain!.Id)).State);
        Assert.Single(await _engine.ProcessedChargesAsync());
    }

    [Fact]
    public async Task An_attempt_left_sending_is_reconciled_before_anything_is_resent()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(1000));
        _engine.Scheduler.Forget();
        await ClaimWithoutSendingAsync(created.Chain!.Id);
        _engine.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await Sweeper.SweepAsync());

        _engine.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Sweeper.SweepAsync());
        await _engine.RunDueAsync();

        var chain = await _engine.ChainAsync(created.Chain.Id);
        Assert.Equal(ChainState.Recovered, chain.State);
        Assert.Equal(2, chain.Attempts[0].SendCount);
        Assert.Single(await _engine.ProcessedChargesAsync());
    }

    /// <summary>What a failed database write after the claim leaves behind: Sending, and nothing at FlexPay.</summary>
    private async Task ClaimWithoutSendingAsync(Guid chainId)
    {
        await using var db = await _engine.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        var chain = await db.Chains.WithHistory().SingleAsync(c => c.Id == chainId);
        chain.ClaimAttempt(chain.Attempts[0].Id, _engine.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }
}

/// <summary>The same tests with the engine on PostgreSQL, a fresh database each.</summary>
[Collection(PostgresServer.Collection)]
public sealed class StalledWorkOnPostgres(PostgresServer postgres) : StalledWorkTests
{
    private protected override async Task<EngineHarness> StartEngineAsync() => await EngineHarness.StartAsync(postgres: await postgres.CreateDatabaseAsync());
}
