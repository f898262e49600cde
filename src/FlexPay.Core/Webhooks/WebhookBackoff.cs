namespace FlexPay.Core.Webhooks;

/// <summary>
/// When a failed delivery is tried again: 30 s after the first failure, doubling to at most 6 h, plus up to 20 %
/// jitter so receivers coming back from an outage are not hit by every console at once. Given up after 3 days.
/// </summary>
public static class WebhookBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan Maximum = TimeSpan.FromHours(6);

    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(3);

    /// <summary>The share of the delay added at random at most.</summary>
    public const double MaxJitter = 0.2;

    /// <summary>The pause after the <paramref name="failures"/>th failure; <paramref name="jitter"/> (0 to 1) scales the random part.</summary>
    public static TimeSpan Delay(int failures, double jitter)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(First.Ticks * Math.Pow(2, exponent), Maximum.Ticks);
        return TimeSpan.FromTicks((long)(ticks * (1 + (MaxJitter * Math.Clamp(jitter, 0, 1)))));
    }
}
