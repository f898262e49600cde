using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;

namespace FlexPay.Admin.Scheduling;

/// <summary>
/// Migrates the database before the app serves anything, then, once the app is listening (the
/// embedded sandbox lives on the same host), hands every pending retry back to the scheduler.
/// </summary>
internal sealed class RecoveryStartup(
    DatabaseMigrator migrator,
    PendingWorkRescheduler rescheduler,
    IHostApplicationLifetime lifetime,
    ILogger<RecoveryStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        // Off the start-up path: SQLite's calls are synchronous, and a hundred thousand pending retries would
        // otherwise hold up every other ApplicationStarted callback for seconds.
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => RescheduleAsync(lifetime.ApplicationStopping)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RescheduleAsync(CancellationToken ct)
    {
        try
        {
            await rescheduler.RescheduleAllAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogCritical(ex, "Pending retries could not be rescheduled; restart the console to try again.");
        }
    }
}
