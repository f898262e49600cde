using FlexPay.Core.Recovery;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Recovery.Engine;

public sealed class ExactTimingTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_job_woken_before_the_retry_date_waits_and_sends_at_exactly_the_retry_date()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(2008));
        await _engine.RunDueAsync();
        var retry = (await _engine.ChainAsync(created.Chain!.Id)).Attempts[1];

        // Hangfire stores due times in whole seconds, so it can wake a job up to a second early.
        _engine.Clock.SetUtcNow(retry.DueAt - TimeSpan.FromMilliseconds(800));
        var processing = _engine.Services.GetRequiredService<AttemptProcessor>().ProcessAsync(retry.Id);
        await Task.Delay(200);
        Assert.False(processing.IsCompleted);
        Assert.Single(await _engine.ProcessedChargesAsync());

        _engine.Clock.Advance(TimeSpan.FromMilliseconds(800));
        await processing.WaitAsync(TimeSpan.FromSeconds(10));

        var sent = (await _engine.ChainAsync(created.Chain.Id)).Attempts.Single(a => a.Id == retry.Id);
        Assert.Equal(retry.DueAt, sent.SentAt);
        Assert.Equal(TimeSpan.Zero, sent.Lateness);
        Assert.Equal(2, (await _engine.ProcessedChargesAsync()).Count);
    }

    [Fact]
    public async Task A_job_woken_long_before_its_due_time_puts_itself_back_on_the_schedule()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(2008));
        await _engine.RunDueAsync();
        var retry = (await _engine.ChainAsync(created.Chain!.Id)).Attempts[1];
        _engine.Scheduler.Forget();

        await _engine.Services.GetRequiredService<AttemptProcessor>().ProcessAsync(retry.Id);

        Assert.Equal(retry.DueAt, Assert.Single(_engine.Scheduler.Pending).At);
        Assert.Single(await _engine.ProcessedChargesAsync());
    }

    [Fact]
    public async Task Running_the_same_job_twice_sends_once()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(1000));
        var attemptId = created.Chain!.Attempts[0].Id;
        var processor = _engine.Services.GetRequiredService<AttemptProcessor>();

        await Task.WhenAll(processor.ProcessAsync(attemptId), processor.ProcessAsync(attemptId), processor.ProcessAsync(attemptId));
        await processor.ProcessAsync(attemptId);

        Assert.Single(await _engine.ProcessedChargesAsync());
        Assert.Equal(ChainState.Recovered, (await _engine.ChainAsync(created.Chain.Id)).State);
    }

    [Fact]
    public async Task A_cancelled_chains_job_sends_nothing()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(2008));
        await _engine.RunDueAsync();

        await _engine.Services.GetRequiredService<ChainActions>().CancelAsync(created.Chain!.Id, "ops@example.com", "Customer left");
        await _engine.AdvanceToNextRunAsync();

        Assert.Single(await _engine.ProcessedChargesAsync());
        Assert.Equal(ChainState.Cancelled, (await _engine.ChainAsync(created.Chain.Id)).State);
    }
}
