using FlexPay.Core.Gateways;
using FlexPay.Admin.Certification;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Scheduling;

internal static class SchedulingRegistration
{
    /// <summary>
    /// Hangfire on its SQLite storage as the timer (docs/decisions/010): one job per due window, the recurring
    /// arming, sweeping and reconciling jobs. Our database holds every pending retry; delete the Hangfire file
    /// and the next start arms them all again.
    /// </summary>
    public static IHostApplicationBuilder AddRecoveryScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SchedulerOptions>(builder.Configuration.GetSection(SchedulerOptions.SectionName));
        var options = builder.Configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        // The host's own storage, registered before AddHangfire (which only adds one when none is): Hangfire's default
        // is the process-wide JobStorage.Current, so two consoles in one process (the test hosts) shared one storage
        // and the first to stop disposed it under the other.
        builder.Services.AddSingleton<JobStorage>(services => new SQLiteStorage(
            JobStoragePath(services),
            new SQLiteStorageOptions { QueuePollInterval = options.QueuePollInterval }));
        builder.Services.AddSingleton<HangfireLogAttachment>();
        builder.Services.AddHangfire((services, config) =>
        {
            services.GetRequiredService<HangfireLogAttachment>();
            config
                .UseLogProvider(HangfireLogBridge.Instance)
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseStorage(services.GetRequiredService<JobStorage>());
        });
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

    private static string JobStoragePath(IServiceProvider services)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var folder = storage.FullDataDirectory(services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        return Path.Combine(folder, StorageOptions.JobStorageFileName);
    }
}
