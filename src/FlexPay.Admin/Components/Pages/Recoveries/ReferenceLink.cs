using FlexPay.Core.Recovery;

namespace FlexPay.Admin.Components.Pages.Recoveries;

/// <summary>How an attempt's referenceData relates to the attempt before it: the daisy chain, checked by eye.</summary>
public enum ReferenceLink
{
    /// <summary>The chain's first attempt: nothing to carry.</summary>
    First,

    /// <summary>Sent exactly what the previous attempt received.</summary>
    Carried,

    /// <summary>A resume after a refused request: the same value as the attempt it replaces.</summary>
    Resent,

    /// <summary>Anything else: worth a look.</summary>
    Differs,
}

public static class ReferenceLinks
{
    public static ReferenceLink Of(IReadOnlyList<RecoveryAttempt> attempts, int index)
    {
        if (index == 0)
        {
            return ReferenceLink.First;
        }
        var previous = attempts[index - 1];
        var sent = attempts[index].ReferenceDataSent;
        if (previous.ReferenceDataReceived is not null && sent == previous.ReferenceDataReceived)
        {
            return ReferenceLink.Carried;
        }
        return previous.Status == AttemptStatus.Rejected && sent == previous.ReferenceDataSent ? ReferenceLink.Resent : ReferenceLink.Differs;
    }

    /// <summary>Lateness in whole milliseconds ("+120 ms"), or null until sent.</summary>
    public static string? Lateness(RecoveryAttempt attempt) =>
        attempt.Lateness is { } late ? $"{(late < TimeSpan.Zero ? "-" : "+")}{Math.Abs((long)late.TotalMilliseconds):N0} ms" : null;
}
