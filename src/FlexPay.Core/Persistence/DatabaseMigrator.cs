using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Persistence;

/// <summary>
/// Brings the database to the latest migration at start-up (never EnsureCreated). On PostgreSQL several nodes may start at
/// once, so the recovery context's migrations and the host's other contexts' (<c>alongside</c>) run under one session-level
/// advisory lock: one node migrates, the others wait for it and then find nothing left to do (docs/decisions/014).
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<FlexPayDbContext> dbFactory)
{
    /// <summary>The advisory lock's key, the same on every node: "FlexPay" in ASCII.</summary>
    public const long MigrationLockKey = 0x466C6578506179;

    public Task MigrateAsync(CancellationToken ct = default) => MigrateAsync([], ct);

    public async Task MigrateAsync(IReadOnlyList<Func<CancellationToken, Task>> alongside, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!db.Database.IsNpgsql())
        {
            await MigrateAllAsync(db, alongside, ct);
            // Write-ahead logging lets the grid read while retries write.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            return;
        }
        // The lock belongs to the connection that took it, so the context keeps that one open until it is released.
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", ct);
        try
        {
            await MigrateAllAsync(db, alongside, ct);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
    }

    private static async Task MigrateAllAsync(FlexPayDbContext db, IReadOnlyList<Func<CancellationToken, Task>> alongside, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        foreach (var migrate in alongside)
        {
            await migrate(ct);
        }
    }
}
