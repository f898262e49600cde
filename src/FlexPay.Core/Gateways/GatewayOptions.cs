namespace FlexPay.Core.Gateways;

public sealed class GatewayOptions
{
    public const string SectionName = "Gateways";

    /// <summary>First pause after a failed sync; doubled after each further failure.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest pause between two tries of a pending change.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one sync run holds a gateway; longer than the FlexPay client's timeout, so a live run is never overtaken.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Cron of the scheduled reconcile (every 10 minutes).</summary>
    public string ReconcileCron { get; set; } = "*/10 * * * *";
}
