using FlexPay.Core.Persistence;
using FlexPay.Testing;
using Microsoft.AspNetCore.Hosting;

namespace FlexPay.Admin.Tests;

/// <summary>
/// <see cref="QuickRetryAppFactory"/> on PostgreSQL: a fresh database of the assembly's <see cref="PostgresServer"/> instead of the
/// SQLite file (the data folder stays, empty: nothing but the database moves). A class fixture of the tests in
/// <see cref="PostgresServer.Collection"/>, which gives it the server.
/// </summary>
public sealed class PostgresQuickRetryAppFactory(PostgresServer postgres) : QuickRetryAppFactory
{
    // Made before the base constructor starts the server, which reads it in ConfigureWebHost.
    private readonly string _database = postgres.CreateDatabaseAsync().GetAwaiter().GetResult();

    public string ConnectionString => _database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:Provider", nameof(StorageProvider.Postgres));
        builder.UseSetting("ConnectionStrings:FlexPay", _database);
    }
}
