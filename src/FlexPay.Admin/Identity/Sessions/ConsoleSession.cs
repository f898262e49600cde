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

    internal bool IsOver(DateTimeOffset now, ConsoleSecurityOptions rules) =>
        now - CreatedAt >= rules.SessionLifetime || now - LastSeenAt >= rules.IdleTimeout;

    internal void SeenAt(DateTimeOffset at)
    {
        if (at > LastSeenAt)
        {
            LastSeenAt = at;
        }
    }
}
