namespace FlexPay.Core.Recovery;

public sealed class RecoveryOptions
{
    public const string SectionName = "Recovery";

    /// <summary>After the merchant's own decline, when the first FlexPay retry goes out (FlexPay's guide: the next day).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Longest pause between two reconciliations of an unknown outcome.</summary>
    public TimeSpan MaxReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a refund request waits for FlexPay's answer before the API answers 202 with the refund still Sending.</summary>
    public TimeSpan RefundAnswerWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long past its due time a scheduled attempt may wait, and past FlexPay's timeout a send may stay unanswered,
    /// before the stalled-work sweeper takes it over: on PostgreSQL also the work of a node that died (docs/decisions/017).
    /// </summary>
    public TimeSpan StalledGrace { get; set; } = TimeSpan.FromMinutes(1);
}
