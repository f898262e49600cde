using System.Collections.Concurrent;

namespace FlexPay.Admin.Identity.SignIn;

/// <summary>
/// Wrong passwords counted per client address and typed email, whether or not an account has that email. After
/// <see cref="SignInRules.MaxFailedSignIns"/> within <see cref="SignInRules.LockoutDuration"/> that address may not try
/// that email for <see cref="SignInRules.LockoutDuration"/>. Someone elsewhere who knows the email cannot lock its owner
/// out, and the answer never tells whether the account exists. Held in memory: one console process (decision 002).
/// </summary>
internal sealed class SignInFailures(TimeProvider clock)
{
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<(string Address, string Email), Tally> _tallies = new();

    public bool IsLockedOut(string address, string email) =>
        _tallies.TryGetValue(Key(address, email), out var tally) && tally.LockedUntil > clock.GetUtcNow();

    /// <summary>Counts a wrong password; true when it locked the pair out.</summary>
    public bool Record(string address, string email)
    {
        var now = clock.GetUtcNow();
        if (_tallies.Count > PruneAbove)
        {
            foreach (var stale in _tallies.Where(t => t.Value.IsStale(now)))
            {
                _tallies.TryRemove(stale.Key, out _);
            }
        }
        var tally = _tallies.AddOrUpdate(Key(address, email), _ => Tally.First(now), (_, previous) => previous.Next(now));
        return tally.LockedUntil > now;
    }

    public void Clear(string address, string email) => _tallies.TryRemove(Key(address, email), out _);

    private static (string, string) Key(string address, string email) => (address, email.Trim().ToUpperInvariant());

    private sealed record Tally(int Failures, DateTimeOffset Since, DateTimeOffset? LockedUntil)
    {
        public static Tally First(DateTimeOffset now) => new Tally(1, now, null).LockIfDue(now);

        public Tally Next(DateTimeOffset now) =>
            (IsStale(now) ? new Tally(1, now, null) : this with { Failures = Failures + 1 }).LockIfDue(now);

        public bool IsStale(DateTimeOffset now) => now - Since >= SignInRules.LockoutDuration && !(LockedUntil > now);

        private Tally LockIfDue(DateTimeOffset now) =>
            Failures >= SignInRules.MaxFailedSignIns && LockedUntil is null ? this with { LockedUntil = now + SignInRules.LockoutDuration } : this;
    }
}
