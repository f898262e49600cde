using System.Collections.Concurrent;
using System.Linq.Expressions;
using FlexPay.Core.Recovery;
using FlexPay.Core.Recovery.Dispatch;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Scheduling;

/// <summary>
/// Hangfire is the timer, with one delayed job per due window, never one per attempt (docs/decisions/010). An
/// instant armed into a window this process is dispatching signals that run; otherwise the window's job is
/// scheduled <see cref="SchedulerOptions.EffectiveWakeLead"/> ahead of its start (Hangfire keeps due times in
/// whole seconds and finds them by polling), once per process. Windows beyond the arming horizon are left to
/// the minutely arming job; anything overdue is due in the current window. On PostgreSQL a window's job goes to
/// this node's own queue (<see cref="NodeQueue"/>).
/// </summary>
internal sealed partial class HangfireRecoveryScheduler(
    IBackgroundJobClient jobs,
    NodeQueue nodeQueue,
    ActiveWindows active,
    TimeProvider clock,
    IOptions<SchedulerOptions> options,
    IOptions<DispatchOptions> dispatch,
    ILogger<HangfireRecoveryScheduler> logger) : IRecoveryScheduler
{
    /// <summary>Windows given to Hangfire by this process, until their end (a job lost with the Hangfire file is then armed again).</summary>
    private readonly ConcurrentDictionary<DueWindow, byte> armed = new();

    public void ArmAttempts(DateTimeOffset dueAt)
    {
        var now = clock.GetUtcNow();
        var window = DueWindow.ToArm(dueAt, now);
        if (active.TrySignal(window))
        {
            return;
        }
        if (window.Start > now + dispatch.Value.ArmingHorizon)
        {
            return;
        }
        ForgetEndedWindows(now);
        if (!armed.TryAdd(window, 0))
        {
            return;
        }
        var wakeAt = window.Start - options.Value.EffectiveWakeLead;
        Schedule(j => j.DispatchWindowAsync(window.Start, CancellationToken.None), wakeAt, nodeQueue.Name);
        WindowArmed(logger, window, wakeAt);
    }

    public void ScheduleRefundCheck(Guid refundId, DateTimeOffset runAt) =>
        Schedule(j => j.CheckRefundAsync(refundId, CancellationToken.None), runAt, queue: null);

    private void ForgetEndedWindows(DateTimeOffset now)
    {
        foreach (var window in armed.Keys.Where(w => w.End < now))
        {
            armed.TryRemove(window, out _);
        }
    }

    /// <summary>Gives Hangfire <paramref name="job"/> for <paramref name="wakeAt"/>, on <paramref name="queue"/> when given, else the default one.</summary>
    private void Schedule(Expression<Func<RecoveryJobs, Task>> job, DateTimeOffset wakeAt, string? queue)
    {
        var now = clock.GetUtcNow();
        _ = (wakeAt <= now, queue) switch
        {
            (true, null) => jobs.Enqueue(job),
            (true, { } named) => jobs.Enqueue(named, job),
            (false, null) => jobs.Schedule(job, wakeAt),
            (false, { } named) => jobs.Schedule(named, job, wakeAt),
        };
    }

    [LoggerMessage(EventId = 260, Level = LogLevel.Debug, Message = "Window {Window} armed: its job wakes at {WakeAt:O}.")]
    private static partial void WindowArmed(ILogger logger, DueWindow window, DateTimeOffset wakeAt);
}
