using FlexPay.Core.Gateways;
using FlexPay.Admin.Certification;
using FlexPay.Core.Recovery;
using Hangfire;
using Hangfire.InMemory;

namespace FlexPay.Admin.Scheduling;

internal static class SchedulingRegistration
{
    /// <summary>Hangfire with in-memory storage as the timer (see docs/decisions/002): our database holds every pending retry.</summary>
    public static IHostApplicationBuilder AddRecoveryScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SchedulerOptions>(builder.Configuration.GetSection(SchedulerOptions.SectionName));
        var options = builder.Configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Guid }));
        builder.Services.AddHangfireServer(server =>
        {
            server.SchedulePollingInterval = options.PollingInterval;
            server.WorkerCount = options.WorkerCount;
        });
        builder.Services.AddSingleton<IRecoveryScheduler, HangfireRecoveryScheduler>();
        builder.Services.AddTransient<RecoveryJobs>();
        builder.Services.AddTransient<CertificationJobs>();
        builder.Services.AddHostedService<RecoveryStartup>();
        builder.Services.AddSingleton<IGatewaySyncScheduler, HangfireGatewaySyncScheduler>();
        builder.Services.AddTransient<GatewayJobs>();
        builder.Services.AddHostedService<GatewayStartup>();
        return builder;
    }
}
