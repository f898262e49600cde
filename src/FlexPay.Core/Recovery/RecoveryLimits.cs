namespace FlexPay.Core.Recovery;

/// <summary>FlexPay's documented recovery limits: at most 15 retries or 30 days, whichever comes first.</summary>
public static class RecoveryLimits
{
    public const int MaxRetryCount = 15;


    public static readonly TimeSpan MaxChainDuration = TimeSpan.FromDays(30);
}
