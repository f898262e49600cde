using System.Linq.Expressions;
using FlexPay.Core.Recovery;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Scheduling;

/// <summary>
/// Hangfire is the timer. Its delayed jobs are due in whole seconds and found by polling, so an attempt's
/// job is scheduled <see cref="SchedulerOptions.EffectiveWakeLead"/> (by default one second plus one polling
/// interval) ahead of the instant: it is always awake before the due time, and <see cref="AttemptProcessor"/>
/// waits out the remainder and sends on the dot.
/// </summary>
internal sealed class HangfireRecoveryScheduler(IBackgroundJobClient jobs, TimeProvider clock, IOptions<SchedulerOptions> options) : IRecoveryScheduler
{
    public void ScheduleAttempt(Guid attemptId, DateTimeOffset runAt) =>
        Schedule(j => j.RunAttemptAsync(attemptId, CancellationToken.None), runAt - options.Value.EffectiveWakeLead);

    public void ScheduleRefundCheck(Guid refundId, DateTimeOffset runAt) =>
        Schedule(j => j.CheckRefundAsync(refundId, CancellationToken.None), runAt);

    private void Schedule(Expression<Func<RecoveryJobs, Task>> job, DateTimeOffset wakeAt)
    {
        if (wakeAt <= clock.GetUtcNow())
        {
            jobs.Enqueue(job);
        }
        else
        {
            jobs.Schedule(job, wakeAt);
        }
    }
}
