namespace FlexPay.Admin.Scheduling;

public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>How often Hangfire looks for due delayed jobs. Its default (15 s) is far too coarse for FlexPay's retry dates.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Jobs run at once. A retry's job holds its worker from its early wake-up (up to one second plus one
    /// polling interval ahead) until the answer is stored, so 33 retries a second already keep ~50 busy; sends
    /// are I/O bound, and a burst drains faster with 50 than with 20 (docs/decisions/005).
    /// </summary>
    public int WorkerCount { get; set; } = 50;

    /// <summary>
    /// How long before the due instant a retry's job is woken; the processor waits out the rest in-process.
    /// Unset: one second (Hangfire keeps due times in whole seconds) plus one polling interval, so the job
    /// is always awake before its instant. Zero schedules at the instant itself, as plain Hangfire would.
    /// </summary>
    public TimeSpan? WakeLead { get; set; }

    public TimeSpan EffectiveWakeLead => WakeLead ?? TimeSpan.FromSeconds(1) + PollingInterval;
}
