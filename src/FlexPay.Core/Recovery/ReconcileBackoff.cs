namespace FlexPay.Core.Recovery;

/// <summary>
/// When to ask FlexPay again about an unknown outcome: soon at first (most outages are short),
/// then half the time already waited, capped, so a long outage costs few calls.
/// </summary>
internal static class ReconcileBackoff
{
    private static readonly TimeSpan Minimum = TimeSpan.FromSeconds(2);

    public static DateTimeOffset Next(DateTimeOffset? firstSentAt, DateTimeOffset now, TimeSpan maximum)
    {
        var waited = now - (firstSentAt ?? now);
        var pause = TimeSpan.FromTicks(Math.Clamp(waited.Ticks / 2, Minimum.Ticks, Math.Max(Minimum.Ticks, maximum.Ticks)));
        return now + pause;
    }
}
