using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FlexPay.Core.Tests.Persistence;

/// <summary>
/// The recoveries grid's indexes on expressions are made by raw SQL in a migration, outside EF Core's model: a later
/// migration that rebuilds the Chains table would drop them without a word (docs/decisions/007).
/// </summary>
public sealed class GridIndexTests
{
    [Fact]
    public async Task Migrating_a_new_database_creates_the_grid_s_indexes_on_expressions()
    {
        var path = Path.Combine(Path.GetTempPath(), $"flexpay-indexes-{Guid.NewGuid():N}.db");
        try
        {
            var dbFactory = new PooledDbContextFactory<FlexPayDbContext>(
                new DbContextOptionsBuilder<FlexPayDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
            await new DatabaseMigrator(dbFactory).MigrateAsync();

            await using var db = await dbFactory.CreateDbContextAsync();
            var indexes = await db.Database
                .SqlQuery<string>($"SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Chains'")
                .ToListAsync();
            Assert.Contains("IX_Chains_NextAttemptDueAt_NullsLast", indexes);
            Assert.Contains("IX_Chains_State_NextAttemptDueAt_NullsLast", indexes);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
