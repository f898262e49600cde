using FlexPay.Sandbox.Infrastructure;
using Microsoft.Extensions.Options;

namespace FlexPay.Sandbox.Chains;

/// <summary>When a recoverable soft decline may be retried (flexpay-api.md §4.8, §6).</summary>
internal sealed class RetryPolicy(IOptions<SandboxOptions> options)
{
    /// <summary>
    /// <c>now + RetryDelay</c>, or FlexPay's observed next 00:00 UTC. Null when the next attempt would break
    /// the limit: it would be retry number 16, or fall more than 30 days after the chain's first attempt.
    /// </summary>
    public DateTimeOffset? NextRetry(DateTimeOffset now, long retryCount, DateTimeOffset dateFirstAttempt)
    {
        var next = Next(now);
        if (retryCount >= RecoveryChain.MaxRetries || next - dateFirstAttempt > RecoveryChain.MaxAge)
        {
            return null;
        }
        return next;
    }

    /// <summary>The next retry instant after <paramref name="now"/>, limits aside.</summary>
    public DateTimeOffset Next(DateTimeOffset now) => options.Value.RetryDelay is { } delay
        ? now + delay
        : new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);

    public string? Format(DateTimeOffset? retryDate) => retryDate is not { } value
        ? null
        : options.Value.OffsetlessRetryDate ? WireTime.FormatOffsetless(value) : WireTime.Format(value);
}
