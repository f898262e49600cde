using FlexPay.Core.Accounts;
using FlexPay.Core.Certification;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Scheduling;

/// <summary>
/// Before the app serves anything (once ConsoleDatabase has migrated the database): seeds the default FlexPay account. Once the app is
/// listening (the embedded sandbox lives on the same host), three independent steps, so one failing never
/// leaves the others undone: the recurring arming and sweeping jobs are registered, the windows of pending work
/// are armed, and certification runs a stop interrupted are closed.
/// </summary>
internal sealed partial class RecoveryStartup(
    DefaultAccountSeeder accountSeeder,
    IServiceScopeFactory scopes,
    PendingWorkRescheduler rescheduler,
    IRecurringJobManager recurringJobs,
    IOptions<SchedulerOptions> options,
    NodeQueue nodeQueue,
    IHostApplicationLifetime lifetime,
    ILogger<RecoveryStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await accountSeeder.SeedAsync(cancellationToken);
        // Off the start-up path: SQLite's calls are synchronous and would hold up every other ApplicationStarted callback.
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => ResumeAsync(lifetime.ApplicationStopping)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ResumeAsync(CancellationToken ct)
    {
        await StepAsync("register the recurring arming and sweeping jobs", () =>
        {
            // On PostgreSQL every node arms for itself, from its own queue: each node dispatches every window in reach.
            if (nodeQueue.Name is { } queue)
            {
                recurringJobs.AddOrUpdate<RecoveryJobs>($"{RecoveryJobs.ArmJobId}:{queue}", queue, j => j.ArmDueWindowsAsync(CancellationToken.None), Cron.Minutely());
            }
            else
            {
                recurringJobs.AddOrUpdate<RecoveryJobs>(RecoveryJobs.ArmJobId, j => j.ArmDueWindowsAsync(CancellationToken.None), Cron.Minutely());
            }
            recurringJobs.AddOrUpdate<RecoveryJobs>(RecoveryJobs.SweepJobId, j => j.SweepStalledWorkAsync(CancellationToken.None), options.Value.SweepCron);
            return Task.CompletedTask;
        });
        await StepAsync("arm the pending retries", () => rescheduler.RescheduleAllAsync(ct));
        await StepAsync("close interrupted certification runs", async () =>
        {
            // Resolved only now, in a scope: the runner reaches the FlexPay client (whose embedded address exists
            // once the app listens) and the acting user (a scoped service, for audit).
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CertificationRunner>().InterruptUnfinishedAsync(ct);
        });
    }

    private async Task StepAsync(string step, Func<Task> run)
    {
        try
        {
            await run();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            StepFailed(logger, ex, step);
        }
    }

    [LoggerMessage(EventId = 240, Level = LogLevel.Critical, Message = "Start-up could not {Step}; restart the console to try again.")]
    private static partial void StepFailed(ILogger logger, Exception exception, string step);
}
