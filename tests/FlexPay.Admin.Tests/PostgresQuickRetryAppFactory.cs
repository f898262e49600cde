using FlexPay.Core.Persistence;
using FlexPay.Testing;
using Microsoft.AspNetCore.Hosting;

namespace FlexPay.Admin.Tests;

/// <summary>
/// <see cref="QuickRetryAppFactory"/> on a PostgreSQL database instead of the SQLite file (the data folder is configured but never
/// made: nothing is kept there), optionally as the node <paramref name="node"/>; a second one on the same database is a second node.
/// </summary>
public class PostgresAppFactory(string connectionString, string? node = null) : QuickRetryAppFactory
{
    public string ConnectionString => connectionString;

    /// <summary>No SQLite copy: on PostgreSQL nothing is kept in the data folder, and it must stay unmade.</summary>
    protected override bool StartsFromMigratedDatabase => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:Provider", nameof(StorageProvider.Postgres));
        builder.UseSetting("ConnectionStrings:FlexPay", connectionString);
        if (node is not null)
        {
            builder.UseSetting("Node:Name", node);
        }
    }
}

/// <summary>
/// The class fixture of the tests in <see cref="PostgresServer.Collection"/>: a console on a fresh database of the assembly's
/// server (made before the base constructor starts the console, which reads it).
/// </summary>
public sealed class PostgresQuickRetryAppFactory(PostgresServer postgres)
    : PostgresAppFactory(postgres.CreateDatabaseAsync().GetAwaiter().GetResult());
