using FlexPay.Core.Recovery;
using Hangfire;

namespace FlexPay.Admin.Scheduling;

/// <summary>Hangfire is the timer: a delayed job at the exact instant, or an immediate one when it has passed.</summary>
internal sealed class HangfireRecoveryScheduler(IBackgroundJobClient jobs, TimeProvider clock) : IRecoveryScheduler
{
    public void ScheduleAttempt(Guid attemptId, DateTimeOffset runAt)
    {
        if (runAt <= clock.GetUtcNow())
        {
            jobs.Enqueue<RecoveryJobs>(j => j.RunAttemptAsync(attemptId, CancellationToken.None));
        }
        else
        {
            jobs.Schedule<RecoveryJobs>(j => j.RunAttemptAsync(attemptId, CancellationToken.None), runAt);
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
