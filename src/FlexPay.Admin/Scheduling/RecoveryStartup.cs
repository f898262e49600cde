using FlexPay.Core.Accounts;
using FlexPay.Core.Certification;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Hangfire;

namespace FlexPay.Admin.Scheduling;

/// <summary>
/// Before the app serves anything: migrates the database and seeds the default FlexPay account. Once the app is
/// listening (the embedded sandbox lives on the same host): closes certification runs a stop interrupted and hands
/// every pending retry back to the scheduler.
/// </summary>
internal sealed class RecoveryStartup(
    DatabaseMigrator migrator,
    DefaultAccountSeeder accountSeeder,
    IServiceScopeFactory scopes,
    PendingWorkRescheduler rescheduler,
    IRecurringJobManager recurringJobs,
    IHostApplicationLifetime lifetime,
    ILogger<RecoveryStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await accountSeeder.SeedAsync(cancellationToken);
        // Off the start-up path: SQLite's calls are synchronous, and a hundred thousand pending retries would
        // otherwise hold up every other ApplicationStarted callback for seconds.
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => RescheduleAsync(lifetime.ApplicationStopping)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RescheduleAsync(CancellationToken ct)
    {
        try
        {
            // Resolved only now, in a scope: the runner reaches the FlexPay client (whose embedded address exists
            // once the app listens) and the acting user (a scoped service, for audit).
            await using (var scope = scopes.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<CertificationRunner>().InterruptUnfinishedAsync(ct);
            }
            await rescheduler.RescheduleAllAsync(ct);
            recurringJobs.AddOrUpdate<RecoveryJobs>("sweep-stalled-work", j => j.SweepStalledWorkAsync(CancellationToken.None), Cron.Minutely());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogCritical(ex, "Pending retries could not be rescheduled; restart the console to try again.");
        }
    }
}
