namespace FlexPay.Core.Recovery;

public enum ChainState
{
    /// <summary>An attempt waits for its due time.</summary>
    Scheduled,

    /// <summary>An attempt has been claimed and is on its way to FlexPay.</summary>
    Sending,

    /// <summary>FlexPay may or may not have charged: being reconciled before anything is resent.</summary>
    OutcomeUnknown,

    /// <summary>FlexPay refused the request itself (authentication, malformed request): staff must resume it.</summary>
    Suspended,

    /// <summary>
    /// The next attempt is held, not failed: its gateway takes no charges now, or its account's key must be entered
    /// again. It goes on by itself once that is back, or when staff move it to another gateway.
    /// </summary>
    Waiting,

    Recovered,
    Failed,
    Cancelled,
    PartlyRefunded,
    Refunded,
}

public enum ChainFailure
{
    HardDecline,
    DeclinedWithoutRetryDate,
    RetryLimitReached,
}

public enum AttemptStatus
{
    Scheduled,
    Sending,
    OutcomeUnknown,

    /// <summary>Held back, not sent: its chain is <see cref="ChainState.Waiting"/>.</summary>
    Waiting,
    Approved,
    Declined,
    Rejected,
    Cancelled,
}
