namespace FlexPay.Core.Webhooks;

/// <summary>
/// When a failed delivery is tried again: the first pause (30 s by default) after the first failure, doubling to a
/// maximum (6 h), plus up to 20 % jitter so receivers coming back from an outage are not hit all at once. A delivery
/// whose next try would be more than 3 days after it was queued is given up.
/// </summary>
public static class WebhookBackoff
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(3);

    /// <summary>The share of the delay added at random at most.</summary>
    public const double MaxJitter = 0.2;

    /// <summary>The pause after the <paramref name="failures"/>th failure; <paramref name="jitter"/> (0 to 1) scales the random part.</summary>
    public static TimeSpan Delay(int failures, double jitter, TimeSpan first, TimeSpan maximum)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(first.Ticks * Math.Pow(2, exponent), maximum.Ticks);
        return TimeSpan.FromTicks((long)(ticks * (1 + (MaxJitter * Math.Clamp(jitter, 0, 1)))));
    }
}
