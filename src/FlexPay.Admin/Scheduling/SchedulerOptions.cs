namespace FlexPay.Admin.Scheduling;

public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>How often Hangfire looks for due delayed jobs. Its default (15 s) is far too coarse for FlexPay's retry dates.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Jobs run at once: sends are I/O bound, so more workers than cores drain a burst faster.</summary>
    public int WorkerCount { get; set; } = 20;
}
