using Hangfire;

namespace FlexPay.Admin.Scheduling;

/// <summary>Hangfire's settings (section <c>Scheduler</c>; the dispatcher's own are in Core's <c>DispatchOptions</c>).</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>How often Hangfire looks for due delayed jobs (its default, 15 s, would need a 16 s wake lead).</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often an idle worker asks Hangfire's SQLite storage for an enqueued job. A job enqueued now (a payment due
    /// at once, with no window running) starts within this; scheduled windows are woken early enough not to notice.
    /// </summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Jobs run at once. A window's job holds its worker for its minute, so a few windows, the recurring jobs,
    /// refund checks and gateway syncs are all that ever run together; sends are bounded by
    /// <c>Scheduler:MaxConcurrentSends</c>, not by workers.
    /// </summary>
    public int WorkerCount { get; set; } = 10;

    /// <summary>
    /// How long before its window a window's job is scheduled; the dispatcher sleeps in-process until each instant.
    /// Unset: one second (Hangfire keeps due times in whole seconds) plus one polling interval plus one queue poll
    /// plus a second of margin. Zero schedules at the window's start itself, as plain Hangfire would.
    /// </summary>
    public TimeSpan? WakeLead { get; set; }

    /// <summary>
    /// When the stalled-work sweeper runs (a Hangfire cron expression; six fields give seconds): it bounds how long a
    /// lost timer, or on PostgreSQL a dead node's claims, wait to be taken over.
    /// </summary>
    public string SweepCron { get; set; } = Cron.Minutely();

    public TimeSpan EffectiveWakeLead => WakeLead ?? TimeSpan.FromSeconds(2) + PollingInterval + QueuePollInterval;
}
