using FlexPay.Core.Accounts;
using FlexPay.Core.Audit;
using FlexPay.Core.Certification;
using FlexPay.Core.Gateways;
using FlexPay.Core.Recovery;
using FlexPay.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Persistence;

public sealed class FlexPayDbContext(DbContextOptions<FlexPayDbContext> options) : DbContext(options)
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

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FlexPayDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset text; UTC ticks keep every instant exact and sortable.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
