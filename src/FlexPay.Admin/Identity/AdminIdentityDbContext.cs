using FlexPay.Admin.Identity.Sessions;
using FlexPay.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Identity;

/// <summary>
/// Users, roles and their server-side sessions. Same database as <see cref="FlexPayDbContext"/>, but its own context, its own
/// migrations (Identity/Migrations) and its own history table, so neither context ever sees the other's. On PostgreSQL the
/// factory makes a <see cref="Postgres.PostgresAdminIdentityDbContext"/>, whose migrations are its own (docs/decisions/014).
/// </summary>
public class AdminIdentityDbContext(DbContextOptions<AdminIdentityDbContext> options)
    : IdentityDbContext<AdminUser, IdentityRole, string>(options)
{
    public const string MigrationsHistoryTable = "__IdentityMigrationsHistory";

    public DbSet<ConsoleSession> Sessions => Set<ConsoleSession>();

    public static void Configure(DbContextOptionsBuilder options, string databasePath) =>
        options.UseSqlite($"Data Source={databasePath};Default Timeout=30", sqlite => sqlite.MigrationsHistoryTable(MigrationsHistoryTable));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ConsoleSession>(session =>
        {
            session.ToTable("ConsoleSessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.Id).HasMaxLength(64);
            session.Property(s => s.UserId).HasMaxLength(450);
            session.HasOne<AdminUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            session.HasIndex(s => s.LastSeenAt);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // As in FlexPayDbContext: SQLite cannot order or compare DateTimeOffset text; UTC ticks can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}
