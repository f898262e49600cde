namespace FlexPay.Core.Recovery;

/// <summary>
/// The timer that wakes an attempt or a refund at an instant. Our database is the source of
/// truth; the scheduler only has to call <see cref="AttemptProcessor"/> (or <see cref="RefundProcessor"/>)
/// at or after the instant, once or more: the processors are idempotent.
/// </summary>
public interface IRecoveryScheduler
{
    void ScheduleAttempt(Guid attemptId, DateTimeOffset runAt);

    void ScheduleRefundCheck(Guid refundId, DateTimeOffset runAt);
}
