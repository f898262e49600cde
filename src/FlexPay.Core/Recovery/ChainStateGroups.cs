namespace FlexPay.Core.Recovery;

/// <summary>The chain states that belong together, declared once for the domain, the screens and the database queries.</summary>
public static class ChainStateGroups
{
    /// <summary>The recovery is not over: an attempt waits, is in flight or being reconciled, or the chain waits to be resumed or to go on.</summary>
    public static IReadOnlyList<ChainState> Open { get; } =
        [ChainState.Scheduled, ChainState.Sending, ChainState.OutcomeUnknown, ChainState.Suspended, ChainState.Waiting];

    /// <summary>The recovered charge can still be refunded, in part or in full.</summary>
    public static IReadOnlyList<ChainState> Refundable { get; } = [ChainState.Recovered, ChainState.PartlyRefunded];

    /// <summary>The charge was recovered; refunds since do not undo the recovery.</summary>
    public static IReadOnlyList<ChainState> Recovered { get; } = [ChainState.Recovered, ChainState.PartlyRefunded, ChainState.Refunded];

    /// <summary>The recovery can be stopped: nothing is in flight and nothing is being reconciled.</summary>
    public static IReadOnlyList<ChainState> Cancellable { get; } = [ChainState.Scheduled, ChainState.Suspended, ChainState.Waiting];

    /// <summary>The next attempt has not gone out yet, so it can still be sent through another gateway.</summary>
    public static IReadOnlyList<ChainState> Movable { get; } = [ChainState.Scheduled, ChainState.Waiting];
}
