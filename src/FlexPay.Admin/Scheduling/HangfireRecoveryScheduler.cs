using FlexPay.Core.Recovery;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Scheduling;

/// <summary>
/// Hangfire is the timer. Its delayed jobs are due in whole seconds and found by polling, so a job
/// is scheduled <see cref="SchedulerOptions.EffectiveWakeLead"/> (by default one second plus one polling
/// interval) ahead of the instant: it is always awake before the due time, and <see cref="AttemptProcessor"/>
/// waits out the remainder and sends on the dot.
/// </summary>
internal sealed class HangfireRecoveryScheduler(IBackgroundJobClient jobs, TimeProvider clock, IOptions<SchedulerOptions> options) : IRecoveryScheduler
{
    private TimeSpan Lead => options.Value.EffectiveWakeLead;

    public void ScheduleAttempt(Guid attemptId, DateTimeOffset runAt)
    {
        var wakeAt = runAt - Lead;
        if (wakeAt <= clock.GetUtcNow())
        {
            jobs.Enqueue<RecoveryJobs>(j => j.RunAttemptAsync(attemptId, CancellationToken.None));
        }
        else
        {
            jobs.Schedule<RecoveryJobs>(j => j.RunAttemptAsync(attemptId, CancellationToken.None), wakeAt);
        }
    }

    public void ScheduleRefundCheck(Guid refundId, DateTimeOffset runAt)
    {
        if (runAt <= clock.GetUtcNow())
        {
            jobs.Enqueue<RecoveryJobs>(j => j.CheckRefundAsync(refundId, CancellationToken.None));
        }
        else
        {
            jobs.Schedule<RecoveryJobs>(j => j.CheckRefundAsync(refundId, CancellationToken.None), runAt);
        }
    }
}
