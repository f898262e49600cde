using FlexPay.Core.Recovery;
using FlexPay.Core.Recovery.Dispatch;
using Hangfire;

namespace FlexPay.Admin.Scheduling;

/// <summary>
/// Hangfire's entry points. Automatic retries are off: a money-moving job is never rerun blindly; the
/// dispatcher and the processors reconcile unknown outcomes themselves, and the sweeper picks up what a failed
/// job left.
/// </summary>
public sealed class RecoveryJobs(WindowDispatcher dispatcher, RefundProcessor refunds, StalledWorkSweeper sweeper, PendingWorkRescheduler arming)
{
    public const string ArmJobId = "arm-due-windows";
    public const string SweepJobId = "sweep-stalled-work";

    /// <summary>Named on the dashboard by <see cref="JobNames"/> ("12,402 retries due …").</summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task DispatchWindowAsync(DateTimeOffset windowStart, CancellationToken ct) => dispatcher.RunAsync(new DueWindow(windowStart), ct);

    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task CheckRefundAsync(Guid refundId, CancellationToken ct) => refunds.CheckAsync(refundId, ct);

    /// <summary>Not money-moving itself: it only hands stalled work back to the scheduler.</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task SweepStalledWorkAsync(CancellationToken ct) => sweeper.SweepAsync(ct);

    /// <summary>Gives Hangfire the windows that came within the arming horizon since the last run.</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task ArmDueWindowsAsync(CancellationToken ct) => arming.ArmWithinHorizonAsync(ct);
}
