using FlexPay.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Identity;

/// <summary>
/// Users and roles. Same SQLite file as <see cref="FlexPayDbContext"/>, but its own context, its own
/// migrations (Identity/Migrations) and its own history table, so neither context ever sees the other's.
/// </summary>
public sealed class AdminIdentityDbContext(DbContextOptions<AdminIdentityDbContext> options)
    : IdentityDbContext<AdminUser, IdentityRole, string>(options)
{
    public const string MigrationsHistoryTable = "__IdentityMigrationsHistory";

    public static void Configure(DbContextOptionsBuilder options, string databasePath) =>
        options.UseSqlite($"Data Source={databasePath};Default Timeout=30", sqlite => sqlite.MigrationsHistoryTable(MigrationsHistoryTable));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // As in FlexPayDbContext: SQLite cannot order or compare DateTimeOffset text; UTC ticks can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}
