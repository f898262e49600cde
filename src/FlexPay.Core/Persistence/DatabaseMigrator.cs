using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Persistence;

/// <summary>Brings the database to the latest migration at start-up (never EnsureCreated).</summary>
public sealed class DatabaseMigrator(IDbContextFactory<FlexPayDbContext> dbFactory)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        // Write-ahead logging lets the grid read while retries write.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
