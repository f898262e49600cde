using FlexPay.Core.Certification;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Recovery.Dispatch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core;

internal static class CoreOptions
{
    /// <summary>
    /// Binds Core's settings and checks them when the host starts: a value that cannot work stops the console at
    /// start-up with a message naming the setting, instead of failing later in a retry or a sync.
    /// </summary>
    public static IServiceCollection AddCoreOptions(this IServiceCollection services)
    {
        services.AddOptions<FlexPayOptions>().BindConfiguration(FlexPayOptions.SectionName)
            .Validate(o => o.BaseUrl is null || o.BaseUrl is { IsAbsoluteUri: true, Scheme: "https" or "http" },
                "FlexPay:BaseUrl must be an absolute http(s) address, such as https://api.flexpay.io/v1/.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "FlexPay:Timeout must be longer than zero.")
            .ValidateOnStart();
        services.AddOptions<RecoveryOptions>().BindConfiguration(RecoveryOptions.SectionName)
            .Validate(o => o.FirstRetryDelay >= TimeSpan.Zero, "Recovery:FirstRetryDelay must not be negative.")
            .Validate(o => o.MaxReconcileInterval > TimeSpan.Zero, "Recovery:MaxReconcileInterval must be longer than zero.")
            .Validate(o => o.RefundAnswerWait > TimeSpan.Zero && o.RefundAnswerWait <= TimeSpan.FromMinutes(2),
                "Recovery:RefundAnswerWait must be longer than zero and at most 00:02:00 (a caller's HTTP request waits that long).")
            .Validate(o => o.StalledGrace > TimeSpan.Zero, "Recovery:StalledGrace must be longer than zero.")
            .ValidateOnStart();
        services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.SectionName)
            .Validate(o => o.MaxConcurrentSends is >= 1 and <= 1000, "Scheduler:MaxConcurrentSends must be between 1 and 1000.")
            .Validate(o => o.ClaimBatchSize is >= 1 and <= 10_000, "Scheduler:ClaimBatchSize must be between 1 and 10000.")
            .Validate(o => o.ArmingHorizon >= DueWindow.Length, "Scheduler:ArmingHorizon must be at least one minute (one due window).")
            .Validate(o => o.OtherNodesLookAgain > TimeSpan.Zero, "Scheduler:OtherNodesLookAgain must be longer than zero.")
            .ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .Configure<IConfiguration>((o, configuration) => o.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Storage:DataDirectory must name a folder.")
            .Validate(o => !o.IsPostgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:Provider=Postgres needs ConnectionStrings:FlexPay, e.g. Host=db;Database=flexpay;Username=flexpay;Password=...")
            .ValidateOnStart();
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName)
            .Validate(o => o.FirstRetryDelay > TimeSpan.Zero, "Gateways:FirstRetryDelay must be longer than zero.")
            .Validate(o => o.MaxRetryDelay >= o.FirstRetryDelay, "Gateways:MaxRetryDelay must be at least Gateways:FirstRetryDelay.")
            .Validate(o => o.ClaimDuration > TimeSpan.Zero, "Gateways:ClaimDuration must be longer than zero.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ReconcileCron), "Gateways:ReconcileCron must be a cron expression.")
            .ValidateOnStart();
        services.AddOptions<CertificationOptions>().BindConfiguration(CertificationOptions.SectionName)
            .Validate(o => o.AnswerGrace > TimeSpan.Zero, "Certification:AnswerGrace must be longer than zero.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Certification:PollInterval must be longer than zero.")
            .ValidateOnStart();
        return services;
    }
}
