using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Persistence;

/// <summary>
/// Rounds of work that one node at a time may run (a round of webhook deliveries, whose order per recovery two nodes
/// would break). On PostgreSQL a round runs under a session advisory lock, released when the round ends or with the
/// connection of a node that died; a node that finds it taken skips the round. SQLite has one process: it just runs
/// (docs/decisions/017).
/// </summary>
public sealed class OneNodeAtATime(IDbContextFactory<FlexPayDbContext> dbFactory)
{
    /// <summary>The webhook delivery rounds' lock: "Webhook" in ASCII.</summary>
    public const long WebhookRoundsKey = 0x576562686F6F6B;

    /// <summary>Runs <paramref name="round"/> unless another node is running one under <paramref name="key"/>; returns its result, or 0 when skipped.</summary>
    public async Task<int> RunAsync(long key, Func<Task<int>> round, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!db.Database.IsNpgsql())
        {
            return await round();
        }
        await db.Database.OpenConnectionAsync(ct);
        if (!await db.Database.SqlQuery<bool>($"""SELECT pg_try_advisory_lock({key}) AS "Value" """).SingleAsync(ct))
        {
            return 0;
        }
        try
        {
            return await round();
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None);
        }
    }
}
