using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Identity.Sessions;

/// <summary>
/// The server-side record of who is signed in where (decision 009). A cookie is honoured only while its session is
/// here: sign-out removes it, so a copied cookie stops working at once; a session also ends after
/// <see cref="ConsoleSecurityOptions.IdleTimeout"/> without use and <see cref="ConsoleSecurityOptions.SessionLifetime"/>
/// after its sign-in.
/// </summary>
public sealed class ConsoleSessions(IDbContextFactory<AdminIdentityDbContext> dbFactory, IOptions<ConsoleSecurityOptions> options, TimeProvider clock)
{
    /// <summary>Use is written back at most this often, not on every request.</summary>
    private static readonly TimeSpan SeenGranularity = TimeSpan.FromMinutes(1);

    /// <summary>Starts a session for <paramref name="userId"/> and returns its id, for the cookie only.</summary>
    public async Task<string> StartAsync(string userId, CancellationToken ct = default)
    {
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var rules = options.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Sessions nobody ended (a closed browser) go when the next one starts.
        var idleSince = now - rules.IdleTimeout;
        var startedBefore = now - rules.SessionLifetime;
        await db.Sessions.Where(s => s.LastSeenAt <= idleSince || s.CreatedAt <= startedBefore).ExecuteDeleteAsync(ct);
        db.Sessions.Add(new ConsoleSession(Hash(id), userId, now));
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>
    /// Whether the session still stands, counting it as used at <paramref name="usedAt"/> (a request: now; an open page:
    /// its last click). A session found over is removed.
    /// </summary>
    public async Task<bool> IsAliveAsync(string? sessionId, DateTimeOffset? usedAt = null, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = Hash(sessionId);
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == hash, ct);
        if (session is null)
        {
            return false;
        }
        if (session.IsOver(now, usedAt, options.Value))
        {
            db.Sessions.Remove(session);
            await db.SaveChangesAsync(ct);
            return false;
        }
        var lastSeen = session.LastSeenAt;
        session.SeenAt(usedAt ?? now);
        if (session.LastSeenAt - lastSeen >= SeenGranularity)
        {
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    public async Task EndAsync(string? sessionId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return;
        }
        var hash = Hash(sessionId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Sessions.Where(s => s.Id == hash).ExecuteDeleteAsync(ct);
    }

    private static string Hash(string sessionId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sessionId)));
}
