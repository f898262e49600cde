using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FlexPay.Core.Persistence.Postgres;

/// <summary>Lets `dotnet ef migrations add --context PostgresFlexPayDbContext` build the context without a server.</summary>
internal sealed class DesignTimePostgresDbContextFactory : IDesignTimeDbContextFactory<PostgresFlexPayDbContext>
{
    public PostgresFlexPayDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FlexPayDbContext>();
        options.UseConsoleDatabase(StorageProvider.Postgres, "Host=localhost;Database=design_time");
        return new PostgresFlexPayDbContext(options.Options);
    }
}
