using FlexPay.Core.Gateways;
using FlexPay.Admin.Certification;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Hangfire;
using Hangfire.States;
using FlexPay.Admin.Hosting;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Scheduling;

internal static class SchedulingRegistration
{
    /// <summary>Hangfire's tables on PostgreSQL, apart from the console's own.</summary>
    public const string JobSchema = "hangfire";

    /// <summary>
    /// Hangfire on its SQLite (or PostgreSQL) storage as the timer (docs/decisions/010, 014): one job per due window, the recurring
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
        builder.Services.AddSingleton(services => CreateJobStorage(services, options));
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
        builder.Services.AddHangfireServer((services, server) =>
        {
            // Each node's server under its own name on the dashboard's Servers page, and in /health/ready.
            server.ServerName = services.GetRequiredService<IOptions<NodeOptions>>().Value.Name;
            server.SchedulePollingInterval = options.PollingInterval;
            server.WorkerCount = options.WorkerCount;
            if (services.GetRequiredService<NodeQueue>().Name is { } queue)
            {
                server.Queues = [queue, EnqueuedState.DefaultQueue];
            }
        });
        builder.Services.AddSingleton<NodeQueue>();
        builder.Services.AddSingleton<IRecoveryScheduler, HangfireRecoveryScheduler>();
        builder.Services.AddTransient<RecoveryJobs>();
        builder.Services.AddTransient<CertificationJobs>();
        builder.Services.AddHostedService<RecoveryStartup>();
        builder.Services.AddSingleton<IGatewaySyncScheduler, HangfireGatewaySyncScheduler>();
        builder.Services.AddTransient<GatewayJobs>();
        builder.Services.AddHostedService<GatewayStartup>();
        return builder;
    }

    /// <summary>
    /// Hangfire's own SQLite file beside the database, or on PostgreSQL its tables in the same database under their own
    /// schema, where every node's server takes jobs from one queue (docs/decisions/014).
    /// </summary>
    private static readonly TimeSpan AbandonedLockTimeout = TimeSpan.FromSeconds(30);

    private static JobStorage CreateJobStorage(IServiceProvider services, SchedulerOptions options)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.IsPostgres)
        {
            var postgres = new PostgreSqlStorageOptions
            {
                SchemaName = JobSchema,
                QueuePollInterval = options.QueuePollInterval,
                PrepareSchemaIfNecessary = true,
                // Hangfire's schedulers hold their locks for milliseconds; a lock left by a node killed while holding one is
                // taken back after this long (its default, 10 minutes, stopped every node's delayed and recurring jobs).
                DistributedLockTimeout = AbandonedLockTimeout,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.ConnectionString!, postgres), postgres);
        }
        var folder = storage.FullDataDirectory(services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        return new SQLiteStorage(Path.Combine(folder, StorageOptions.JobStorageFileName), new SQLiteStorageOptions { QueuePollInterval = options.QueuePollInterval });
    }
}
