using FlexPay.Core.Recovery;
using Hangfire;

namespace FlexPay.Admin.Scheduling;

/// <summary>
/// Hangfire's entry points. Automatic retries are off: a money-moving job is never rerun blindly;
/// the processors reconcile unknown outcomes themselves.
/// </summary>
public sealed class RecoveryJobs(AttemptProcessor attempts, RefundProcessor refunds, StalledWorkSweeper sweeper)
{
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task RunAttemptAsync(Guid attemptId, CancellationToken ct) => attempts.ProcessAsync(attemptId, ct);

    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task CheckRefundAsync(Guid refundId, CancellationToken ct) => refunds.CheckAsync(refundId, ct);

    /// <summary>Not money-moving itself: it only hands stalled work back to the scheduler.</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task SweepStalledWorkAsync(CancellationToken ct) => sweeper.SweepAsync(ct);
}
