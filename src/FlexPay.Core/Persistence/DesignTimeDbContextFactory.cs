using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FlexPay.Core.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FlexPayDbContext>
{
    public FlexPayDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FlexPayDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
