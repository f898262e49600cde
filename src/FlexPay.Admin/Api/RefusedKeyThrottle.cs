using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Api;

/// <summary>
/// Counts refused API keys per client address in a fixed one-minute window (<see cref="IntakeApiOptions.RefusedKeysPerMinute"/>).
/// An address that used up its refusals gets 429 for every API request until the window is over, so keys cannot be
/// guessed at speed. Behind a proxy the address is the client's (<c>X-Forwarded-For</c> from a known proxy).
/// </summary>
internal sealed class RefusedKeyThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _refusals;

    public RefusedKeyThrottle(IOptions<IntakeApiOptions> options)
    {
        var perMinute = options.Value.RefusedKeysPerMinute;
        _refusals = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>True while <paramref name="address"/> has no refusal left; <paramref name="retryAfter"/> says until when.</summary>
    public bool IsThrottled(string address, out TimeSpan retryAfter)
    {
        // Zero permits only asks whether any are left.
        using var probe = _refusals.AttemptAcquire(address, permitCount: 0);
        return Refused(probe, out retryAfter);
    }

    /// <summary>Counts one refused key; true when that was one too many.</summary>
    public bool CountRefusal(string address, out TimeSpan retryAfter)
    {
        using var lease = _refusals.AttemptAcquire(address);
        return Refused(lease, out retryAfter);
    }

    public void Dispose() => _refusals.Dispose();

    private static bool Refused(RateLimitLease lease, out TimeSpan retryAfter)
    {
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return !lease.IsAcquired;
    }
}
