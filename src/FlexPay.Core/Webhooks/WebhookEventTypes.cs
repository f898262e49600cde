namespace FlexPay.Core.Webhooks;

/// <summary>The event types a webhook endpoint can subscribe to, declared once for the outbox, the API and the screen.</summary>
public static class WebhookEventTypes
{
    public const string RecoveryCreated = "recovery.created";
    public const string RecoveryAttemptDeclined = "recovery.attempt_declined";
    public const string RecoveryRecovered = "recovery.recovered";
    public const string RecoveryFailed = "recovery.failed";
    public const string RecoveryCancelled = "recovery.cancelled";
    public const string RecoveryWaiting = "recovery.waiting";
    public const string RefundApproved = "refund.approved";
    public const string RefundDeclined = "refund.declined";
    public const string GatewaySyncFailed = "gateway.sync_failed";
    public const string GatewayDriftDetected = "gateway.drift_detected";

    /// <summary>Sent only by "send test event"; never derived from a change.</summary>
    public const string Test = "webhook.test";

    public static IReadOnlyList<string> All { get; } =
    [
        RecoveryCreated, RecoveryAttemptDeclined, RecoveryRecovered, RecoveryFailed, RecoveryCancelled, RecoveryWaiting,
        RefundApproved, RefundDeclined, GatewaySyncFailed, GatewayDriftDetected,
    ];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
