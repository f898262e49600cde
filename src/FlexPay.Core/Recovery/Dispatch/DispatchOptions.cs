namespace FlexPay.Core.Recovery.Dispatch;

/// <summary>How the dispatcher sends a window's retries (section <c>Scheduler</c>, beside the Hangfire settings).</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>Requests to FlexPay in flight at once, across every window.</summary>
    public int MaxConcurrentSends { get; set; } = 50;

    /// <summary>Most attempts claimed (committed Sending) in one transaction.</summary>
    public int ClaimBatchSize { get; set; } = 250;

    /// <summary>
    /// How far ahead windows are given to Hangfire. Later ones are armed by the minutely arming job as they come
    /// into reach, so Hangfire holds a handful of jobs however many retries are pending.
    /// </summary>
    public TimeSpan ArmingHorizon { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// On PostgreSQL, the longest a running window sleeps before it looks again for work another node armed into it:
    /// arming signals only the runs of its own process (docs/decisions/017). SQLite has one process and ignores it.
    /// </summary>
    public TimeSpan OtherNodesLookAgain { get; set; } = TimeSpan.FromSeconds(1);
}
