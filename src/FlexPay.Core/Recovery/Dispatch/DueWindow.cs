namespace FlexPay.Core.Recovery.Dispatch;

/// <summary>
/// A minute of UTC time: the unit Hangfire is asked to wake for. Every retry due within a window is sent by
/// that window's one job, at the retry's own instant (docs/decisions/010).
/// </summary>
public readonly record struct DueWindow(DateTimeOffset Start)
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(1);

    public DateTimeOffset End => Start + Length;

    public static DueWindow Of(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DueWindow(new DateTimeOffset(utc.Ticks - (utc.Ticks % Length.Ticks), TimeSpan.Zero));
    }

    /// <summary>The window that must run for something due at <paramref name="dueAt"/>: its own, or the current one when it is overdue.</summary>
    public static DueWindow ToArm(DateTimeOffset dueAt, DateTimeOffset now) => Of(dueAt > now ? dueAt : now);

    public override string ToString() => $"{Start:yyyy-MM-dd HH:mm} UTC";
}
