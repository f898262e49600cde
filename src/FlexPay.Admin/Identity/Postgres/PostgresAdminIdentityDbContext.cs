using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Identity.Postgres;

/// <summary>
/// <see cref="AdminIdentityDbContext"/> on PostgreSQL, with its own migrations (<c>Identity/Postgres/Migrations</c>), and the Data
/// Protection key ring beside the users: several nodes share one ring through the database, each key still encrypted with the
/// certificate (docs/decisions/014). On SQLite the ring stays a folder beside the database file.
/// </summary>
public sealed class PostgresAdminIdentityDbContext(DbContextOptions<AdminIdentityDbContext> options)
    : AdminIdentityDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
