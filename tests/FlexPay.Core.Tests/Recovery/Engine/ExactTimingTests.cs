using FlexPay.Core.Recovery;
using FlexPay.Core.Recovery.Dispatch;
using FlexPay.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Recovery.Engine;

/// <summary>A window's job on the fake clock: every attempt at its own instant, never early, exactly once.</summary>
public class ExactTimingTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await StartEngineAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    /// <summary>The engine this class runs on: SQLite here, PostgreSQL in <see cref="ExactTimingOnPostgres"/>.</summary>
    private protected virtual Task<EngineHarness> StartEngineAsync() => EngineHarness.StartAsync();

    private WindowDispatcher Dispatcher => _engine.Services.GetRequiredService<WindowDispatcher>();

    [Fact]
    public async Task A_window_woken_before_the_retry_date_sends_at_exactly_the_retry_date_and_ends_with_its_window()
    {
        var retry = await SoftDeclinedRetryAsync();
        _engine.Clock.SetUtcNow(retry.DueAt - TimeSpan.FromSeconds(3));

        var window = Dispatcher.RunAsync(DueWindow.Of(retry.DueAt), CancellationToken.None);
        await SleepingUntilAsync(retry.DueAt);
        Assert.Single(await _engine.ProcessedChargesAsync());

        _engine.Clock.Advance(TimeSpan.FromSeconds(3));
        await Eventually.ReturnsAsync(_engine.ProcessedChargesAsync, c => c.Count == 2, "the retry to reach the sandbox");
        var sent = await Eventually.ReturnsAsync(() => AttemptAsync(retry), a => a.AnsweredAt is not null, "the retry's answer");
        Assert.Equal(retry.DueAt, sent.SentAt);
        Assert.False(window.IsCompleted);

        _engine.Clock.SetUtcNow(DueWindow.Of(retry.DueAt).End);
        await window.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_attempt_armed_into_a_running_window_is_sent_at_its_instant()
    {
        var retry = await SoftDeclinedRetryAsync();
        var windowOfRetry = DueWindow.Of(retry.DueAt);
        _engine.Clock.SetUtcNow(windowOfRetry.Start);
        var window = Dispatcher.RunAsync(windowOfRetry, CancellationToken.None);
        await SleepingUntilAsync(windowOfRetry.End);

        // A payment handed over while the window runs is due at once: the intake's arming signals the window.
        var created = await _engine.SubmitAsync(Requests.Payment(1000));
        await Eventually.ReturnsAsync(() => _engine.ChainAsync(created.Chain!.Id), c => c.State == ChainState.Recovered, "the new payment to be sent");
        Assert.Equal(_engine.Clock.GetUtcNow(), (await _engine.ChainAsync(created.Chain!.Id)).Attempts[0].SentAt);

        _engine.Clock.SetUtcNow(windowOfRetry.End);
        await window.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, (await _engine.ProcessedChargesAsync()).Count);
    }

    [Fact]
    public async Task More_retries_due_at_one_instant_than_a_claim_takes_are_each_sent_once_at_that_instant()
    {
        var batch = _engine.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DispatchOptions>>().Value.ClaimBatchSize;
        var chains = new List<Guid>();
        for (var i = 0; i < batch + 20; i++)
        {
            chains.Add((await _engine.SubmitAsync(Requests.Payment(2008))).Chain!.Id);
        }
        await _engine.RunDueAsync();

        await _engine.AdvanceToNextRunAsync();

        var retries = new List<RecoveryAttempt>();
        foreach (var id in chains)
        {
            retries.Add((await _engine.ChainAsync(id)).Attempts[1]);
        }
        Assert.All(retries, r => Assert.Equal(r.DueAt, r.SentAt));
        Assert.Single(retries.Select(r => r.DueAt).Distinct());
        Assert.Equal(2 * chains.Count, (await _engine.ProcessedChargesAsync()).Count);
    }

    [Fact]
    public async Task Dispatching_the_same_instant_twice_at_once_sends_once()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(1000));

        await Task.WhenAll(Dispatcher.RunDueNowAsync(), Dispatcher.RunDueNowAsync(), Dispatcher.RunDueNowAsync());
        await Dispatcher.RunDueNowAsync();

        Assert.Single(await _engine.ProcessedChargesAsync());
        Assert.Equal(ChainState.Recovered, (await _engine.ChainAsync(created.Chain!.Id)).State);
    }

    [Fact]
    public async Task A_cancelled_chains_retry_is_not_sent()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(2008));
        await _engine.RunDueAsync();

        await _engine.Services.GetRequiredService<ChainActions>().CancelAsync(created.Chain!.Id, "ops@example.com", "Customer left");
        _engine.Clock.Advance(EngineHarness.SandboxRetryDelay + TimeSpan.FromMinutes(1));
        await _engine.RunDueAsync();

        Assert.Single(await _engine.ProcessedChargesAsync());
        Assert.Equal(ChainState.Cancelled, (await _engine.ChainAsync(created.Chain.Id)).State);
    }

    private async Task<RecoveryAttempt> SoftDeclinedRetryAsync()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(2008));
        await _engine.RunDueAsync();
        return (await _engine.ChainAsync(created.Chain!.Id)).Attempts[1];
    }

    private async Task<RecoveryAttempt> AttemptAsync(RecoveryAttempt attempt) =>
        (await _engine.ChainAsync(attempt.ChainId)).Attempts.Single(a => a.Id == attempt.Id);

    /// <summary>Waits until the window says it sleeps until <paramref name="until"/> (so it had its chance to send early).</summary>
    private Task<IReadOnlyList<string>> SleepingUntilAsync(DateTimeOffset until) =>
        Eventually.ReturnsAsync(
            () => Task.FromResult(_engine.Logs.Lines),
            lines => lines.Any(l => l.Contains("sleeps until " + until.ToString("O"), StringComparison.Ordinal)),
            $"the window to sleep until {until:O}");
}

/// <summary>The same tests with the engine on PostgreSQL, a fresh database each.</summary>
[Collection(PostgresServer.Collection)]
public sealed class ExactTimingOnPostgres(PostgresServer postgres) : ExactTimingTests
{
    private protected override async Task<EngineHarness> StartEngineAsync() => await EngineHarness.StartAsync(postgres: await postgres.CreateDatabaseAsync());
}
