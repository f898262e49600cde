using FlexPay.Core.Persistence;
using FlexPay.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FlexPay.Core.Tests.Persistence;

/// <summary>
/// The recovery context's PostgreSQL migrations on a real, empty server: they match the model, make the indexes the SQLite
/// migrations make with raw SQL, and wait for the advisory lock another node holds (docs/decisions/014).
/// </summary>
[Collection(PostgresServer.Collection)]
public sealed class PostgresMigrationTests(PostgresServer postgres)
{
    [Fact]
    public async Task An_empty_database_is_migrated_to_the_model_with_nothing_pending()
    {
        var dbFactory = Factory(await postgres.CreateDatabaseAsync());

        await new DatabaseMigrator(dbFactory).MigrateAsync();

        await using var db = dbFactory.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Migrating_creates_the_grid_s_indexes_on_expressions_and_the_search_s_folded_indexes()
    {
        var dbFactory = Factory(await postgres.CreateDatabaseAsync());
        await new DatabaseMigrator(dbFactory).MigrateAsync();

        await using var db = dbFactory.CreateDbContext();
        var indexes = await db.Database.SqlQuery<string>($"SELECT indexname AS \"Value\" FROM pg_indexes WHERE schemaname = 'public'").ToListAsync();
        Assert.Contains("IX_Chains_NextAttemptDueAt_NullsLast", indexes);
        Assert.Contains("IX_Chains_State_NextAttemptDueAt_NullsLast", indexes);
        foreach (var folded in new[] { "Chains_OrderId", "Chains_CustomerId", "Chains_ExternalId", "Chains_Email", "Attempts_MerchantTransactionId", "Attempts_TransactionId" })
        {
            Assert.Contains($"IX_{folded}_Folded", indexes);
        }
    }

    [Fact]
    public async Task A_node_migrates_only_once_the_node_holding_the_migration_lock_lets_go()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var dbFactory = Factory(connectionString);
        await using var otherNode = new NpgsqlConnection(connectionString);
        await otherNode.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({DatabaseMigrator.MigrationLockKey})", otherNode))
        {
            await take.ExecuteNonQueryAsync();
        }

        var migrating = new DatabaseMigrator(dbFactory).MigrateAsync();
        await Eventually.ReturnsAsync(() => WaitersForTheLockAsync(otherNode), waiting => waiting == 1, "the migrator to wait for the advisory lock");
        await using (var history = new NpgsqlCommand("SELECT to_regclass('\"__EFMigrationsHistory\"') IS NULL", otherNode))
        {
            Assert.True((bool)(await history.ExecuteScalarAsync())!, "nothing was migrated while the other node held the lock");
        }
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({DatabaseMigrator.MigrationLockKey})", otherNode))
        {
            await release.ExecuteNonQueryAsync();
        }
        await migrating;

        await using var db = dbFactory.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static async Task<long> WaitersForTheLockAsync(NpgsqlConnection connection)
    {
        // A bigint key is held as two halves: classid the high 32 bits, objid the low 32.
        await using var waiters = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = @high AND objid = @low", connection);
        waiters.Parameters.AddWithValue("high", (long)(DatabaseMigrator.MigrationLockKey >> 32));
        waiters.Parameters.AddWithValue("low", DatabaseMigrator.MigrationLockKey & 0xFFFFFFFF);
        return (long)(await waiters.ExecuteScalarAsync())!;
    }

    private static FlexPayDbContextFactory Factory(string connectionString)
    {
        var options = new DbContextOptionsBuilder<FlexPayDbContext>();
        options.UseConsoleDatabase(StorageProvider.Postgres, connectionString);
        return new FlexPayDbContextFactory(options.Options, Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString }));
    }
}
