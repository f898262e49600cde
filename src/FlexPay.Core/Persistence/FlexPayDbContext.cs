using FlexPay.Core.Accounts;
using FlexPay.Core.Audit;
using FlexPay.Core.Certification;
using FlexPay.Core.Gateways;
using FlexPay.Core.Recovery;
using FlexPay.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace FlexPay.Core.Persistence;

/// <summary>
/// The console's records. On PostgreSQL the factory makes a <see cref="Postgres.PostgresFlexPayDbContext"/> instead: the same
/// model under another type, so that each provider finds its own migrations (docs/decisions/014).
/// </summary>
public class FlexPayDbContext(DbContextOptions<FlexPayDbContext> options) : DbContext(options)
{
    public DbSet<RecoveryChain> Chains => Set<RecoveryChain>();

    public DbSet<RecoveryAttempt> Attempts => Set<RecoveryAttempt>();

    public DbSet<Refund> Refunds => Set<Refund>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    public DbSet<FlexPayAccount> Accounts => Set<FlexPayAccount>();

    public DbSet<Gateway> Gateways => Set<Gateway>();

    public DbSet<CertificationRun> CertificationRuns => Set<CertificationRun>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookDeliveryTry> WebhookDeliveryTries => Set<WebhookDeliveryTry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FlexPayDbContext).Assembly);
        modelBuilder.HasDbFunction(typeof(SearchPrefix).GetMethod(nameof(SearchPrefix.Folded))!).HasTranslation(FoldCase);
    }

    /// <summary>How <see cref="SearchPrefix.Folded"/> reads in SQL: the value as it is, since SQLite's LIKE ignores ASCII case.</summary>
    protected virtual SqlExpression FoldCase(IReadOnlyList<SqlExpression> arguments) => arguments[0];

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset text; UTC ticks keep every instant exact and sortable.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
