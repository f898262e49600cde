namespace FlexPay.Admin.Identity.Sessions;

/// <summary>
/// One signed-in browser, kept on the server. The cookie carries the session's id; the table keeps only its SHA-256,
/// so a copy of the database opens no session.
/// </summary>
public sealed class ConsoleSession
{
    private ConsoleSession()
    {
        Id = UserId = null!;
    }

    internal ConsoleSession(string idHash, string userId, DateTimeOffset now)
    {
        Id = idHash;
        UserId = userId;
        CreatedAt = LastSeenAt = now;
    }

    public string Id { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>
    /// Whether the session ended before <paramref name="now"/>: its lifetime is over, or nobody used it for the idle
    /// timeout since it was last seen or since <paramref name="usedAt"/> (an open page's last click). A request now
    /// does not revive a session that was idle for longer.
    /// </summary>
    internal bool IsOver(DateTimeOffset now, DateTimeOffset? usedAt, ConsoleSecurityOptions rules)
    {
        var lastUse = usedAt is { } used && used > LastSeenAt && used <= now ? used : LastSeenAt;
        return now - CreatedAt >= rules.SessionLifetime || now - lastUse >= rules.IdleTimeout;
    }

    internal void SeenAt(DateTimeOffset at)
    {
        if (at > LastSeenAt)
        {
            LastSeenAt = at;
        }
    }
}
