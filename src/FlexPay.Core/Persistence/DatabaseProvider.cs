using FlexPay.Core.Persistence.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Persistence;

/// <summary>Turns <see cref="StorageOptions"/> into an EF Core provider, the same way for every context of the console.</summary>
public static class DatabaseProvider
{
    /// <summary>Where the console's records are: the data folder's SQLite file, or <c>ConnectionStrings:FlexPay</c>.</summary>
    public static string ConnectionString(StorageOptions storage, string contentRootPath) =>
        storage.IsPostgres
            ? storage.ConnectionString ?? ""
            : $"Data Source={Path.Combine(storage.FullDataDirectory(contentRootPath), StorageOptions.DatabaseFileName)};Default Timeout=30";

    public static DbContextOptionsBuilder UseConsoleDatabase(
        this DbContextOptionsBuilder options, StorageProvider provider, string connectionString, string migrationsHistoryTable = HistoryRepository.DefaultTableName) =>
        provider == StorageProvider.Postgres
            ? options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(migrationsHistoryTable))
            : options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(migrationsHistoryTable));
}

/// <summary>Makes the context type whose migrations match the provider (<see cref="PostgresFlexPayDbContext"/> on PostgreSQL).</summary>
public sealed class FlexPayDbContextFactory(DbContextOptions<FlexPayDbContext> options, IOptions<StorageOptions> storage) : IDbContextFactory<FlexPayDbContext>
{
    public FlexPayDbContext CreateDbContext() => storage.Value.IsPostgres ? new PostgresFlexPayDbContext(options) : new FlexPayDbContext(options);
}
