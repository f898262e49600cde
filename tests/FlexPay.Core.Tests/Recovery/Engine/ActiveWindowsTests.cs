using FlexPay.Core.Recovery.Dispatch;
using Microsoft.Extensions.Time.Testing;

namespace FlexPay.Core.Tests.Recovery.Engine;

public sealed class ActiveWindowsTests
{
    [Fact]
    public async Task A_second_job_for_a_window_this_process_runs_wakes_that_run_instead_of_starting_another()
    {
        var clock = new FakeTimeProvider(EngineHarness.Start);
        var windows = new ActiveWindows();
        var window = DueWindow.Of(EngineHarness.Start);
        var run = windows.TryEnter(window) ?? throw new InvalidOperationException("The first job must start the window's run.");
        var sleeping = run.WaitAsync(window.End, clock, CancellationToken.None);
        Assert.False(sleeping.IsCompleted);

        Assert.Null(windows.TryEnter(window));

        // The clock has not moved: only the second job's signal can end the sleep.
        await sleeping.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
