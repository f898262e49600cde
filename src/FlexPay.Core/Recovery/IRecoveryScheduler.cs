namespace FlexPay.Core.Recovery;

/// <summary>
/// The timer. Our database is the source of truth; the scheduler only has to make sure that the due window
/// holding an instant is dispatched at or before it (<see cref="Dispatch.WindowDispatcher"/>), and that a
/// refund's check runs at or after its instant. Waking something twice is harmless: claims are idempotent.
/// </summary>
public interface IRecoveryScheduler
{
    /// <summary>Something is due at <paramref name="dueAt"/> (an attempt to send, an unknown outcome to check).</summary>
    void ArmAttempts(DateTimeOffset dueAt);

    void ScheduleRefundCheck(Guid refundId, DateTimeOffset runAt);
}
