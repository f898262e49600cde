using FlexPay.Admin.Identity.Postgres;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Identity;

/// <summary>Makes the context type whose migrations match the provider (<see cref="PostgresAdminIdentityDbContext"/> on PostgreSQL).</summary>
internal sealed class AdminIdentityDbContextFactory(DbContextOptions<AdminIdentityDbContext> options, IOptions<StorageOptions> storage)
    : IDbContextFactory<AdminIdentityDbContext>
{
    public AdminIdentityDbContext CreateDbContext() =>
        storage.Value.IsPostgres ? new PostgresAdminIdentityDbContext(options) : new AdminIdentityDbContext(options);
}
