using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FlexPay.Admin.Identity.Postgres;

/// <summary>Lets `dotnet ef migrations add --context PostgresAdminIdentityDbContext` build the context without a server.</summary>
internal sealed class DesignTimePostgresIdentityDbContextFactory : IDesignTimeDbContextFactory<PostgresAdminIdentityDbContext>
{
    public PostgresAdminIdentityDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AdminIdentityDbContext>();
        options.UseConsoleDatabase(StorageProvider.Postgres, "Host=localhost;Database=design_time", AdminIdentityDbContext.MigrationsHistoryTable);
        return new PostgresAdminIdentityDbContext(options.Options);
    }
}
