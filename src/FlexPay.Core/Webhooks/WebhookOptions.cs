namespace FlexPay.Core.Webhooks;

public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>How long a receiver has to answer 2xx.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause after a delivery's first failure; doubled after each further one.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest pause between two tries of a delivery.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often the dispatcher looks for due retries when no new event woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries in flight at once (different recoveries or endpoints); one recovery's go one at a time.</summary>
    public int MaxParallelDeliveries { get; set; } = 8;

    /// <summary>Deliveries read per round.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Plain http to a loopback address is allowed (Development only: the host sets it).</summary>
    public bool AllowLoopbackHttp { get; set; }

    public TimeSpan RetryDelay(int failures, double jitter) => WebhookBackoff.Delay(failures, jitter, FirstRetryDelay, MaxRetryDelay);
}
