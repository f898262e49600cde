using FlexPay.Core.Accounts;
using FlexPay.Core.Audit;
using FlexPay.Core.Certification;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Recovery.Dispatch;
using FlexPay.Core.Recovery.Intake;
using FlexPay.Core.Webhooks;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FlexPay.Core;

public static class CoreRegistration
{
    /// <summary>
    /// The domain, the database, the FlexPay client and the recovery services. The host supplies the
    /// schedulers (<see cref="IRecoveryScheduler"/>, <see cref="IGatewaySyncScheduler"/>), the secret protectors
    /// (<see cref="Secrets.SecretRegistration.AddSecretProtectors"/>) and where FlexPay is (<paramref name="flexPayBaseAddress"/>).
    /// </summary>
    public static IHostApplicationBuilder AddFlexPayCore(this IHostApplicationBuilder builder, Func<IServiceProvider, Uri> flexPayBaseAddress)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddCoreOptions();

        var storage = StorageOptions.Read(builder.Configuration);
        var connectionString = DatabaseProvider.ConnectionString(storage, builder.Environment.ContentRootPath);
        services.AddSingleton<WebhookWakeUp>();
        services.AddSingleton<WebhookOutbox>();
        // Every save goes through the outbox, so each change's webhook events commit (or roll back) with it.
        services.AddDbContextFactory<FlexPayDbContext, FlexPayDbContextFactory>((sp, options) => options
            .UseConsoleDatabase(storage.Provider, connectionString)
            .AddInterceptors(sp.GetRequiredService<WebhookOutbox>()));

        services.AddFlexPayClient(flexPayBaseAddress);
        services.TryAddScoped<ICurrentActor, SystemActor>();
        services.AddTransient<AuditTrail>();
        services.TryAddSingleton<IFlexPayAccounts, FlexPayAccounts>();
        services.AddTransient<DefaultAccountSeeder>();
        services.AddSingleton<IValidator<RecoveryRequest>, RecoveryRequestValidator>();
        services.AddSingleton<IValidator<RefundRequest>, RefundRequestValidator>();
        services.AddSingleton<IValidator<CancelRequest>, CancelRequestValidator>();
        services.AddSingleton<IValidator<MoveToGatewayRequest>, MoveToGatewayRequestValidator>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DatabaseWriteGate>();
        services.AddSingleton<ActiveWindows>();
        services.AddSingleton<SendSlots>();
        services.AddTransient<DueWork>();
        services.AddTransient<AttemptBatch>();
        services.AddTransient<WindowDispatcher>();
        services.AddTransient<AttemptProcessor>();
        services.AddTransient<RefundProcessor>();
        services.AddSingleton<RefundsInFlight>();
        services.AddTransient<RecoveryIntake>();
        services.AddTransient<ChainActions>();
        services.AddTransient<PendingWorkRescheduler>();
        services.AddTransient<StalledWorkSweeper>();
        services.AddTransient<WaitingChains>();
        services.AddSingleton<GatewayDriftMonitor>();
        services.AddTransient<GatewayService>();
        services.AddTransient<GatewaySynchronizer>();
        services.AddTransient<GatewayReconciler>();
        services.AddCertification();
        services.AddWebhooks();
        return builder;
    }
}
