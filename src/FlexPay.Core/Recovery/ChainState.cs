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
    Approved,
    Declined,
    Rejected,
    Cancelled,
}
