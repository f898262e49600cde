using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FlexPay.Admin.Identity;

/// <summary>Lets `dotnet ef migrations add --context AdminIdentityDbContext` build the context without starting the app.</summary>
internal sealed class DesignTimeIdentityDbContextFactory : IDesignTimeDbContextFactory<AdminIdentityDbContext>
{
    public AdminIdentityDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AdminIdentityDbContext>();
        AdminIdentityDbContext.Configure(options, "design-time.db");
        return new AdminIdentityDbContext(options.Options);
    }
}
