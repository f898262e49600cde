namespace FlexPay.Core.Recovery.Dispatch;

/// <summary>An attempt with something to do at <see cref="At"/>: be sent (<see cref="DueKind.Send"/>) or have its unknown outcome checked.</summary>
public readonly record struct DueItem(Guid AttemptId, DueKind Kind, DateTimeOffset At);

public enum DueKind
{
    Send,
    CheckOutcome,
}
