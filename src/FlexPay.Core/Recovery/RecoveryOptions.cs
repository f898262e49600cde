namespace FlexPay.Core.Recovery;

public sealed class RecoveryOptions
{
    public const string SectionName = "Recovery";

    /// <summary>After the merchant's own decline, when the first FlexPay retry goes out (FlexPay's guide: the next day).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Longest pause between two reconciliations of an unknown outcome.</summary>
    public TimeSpan MaxReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);
}
