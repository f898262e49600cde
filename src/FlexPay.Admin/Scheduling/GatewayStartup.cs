using FlexPay.Core.Gateways;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Scheduling;

/// <summary>
/// Once the app listens (the embedded sandbox lives on this host), schedules every pending gateway sync
/// again (Hangfire's memory did not survive a restart; the rows did) and the recurring reconcile.
/// Registered after <see cref="RecoveryStartup"/>, which migrates the database first.
/// </summary>
internal sealed partial class GatewayStartup(
    IServiceScopeFactory scopes,
    IRecurringJobManager recurring,
    IOptions<GatewayOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<GatewayStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<GatewayJobs>(GatewayJobs.ReconcileJobId, j => j.ReconcileAsync(CancellationToken.None), options.Value.ReconcileCron);
        lifetime.ApplicationStarted.Register(() => _ = RescheduleAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RescheduleAsync(CancellationToken ct)
    {
        try
        {
            // Resolved only now: the synchronizer's FlexPay client needs the address the app listens on.
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<GatewaySynchronizer>().RescheduleAllAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RescheduleFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 250, Level = LogLevel.Critical, Message = "Pending gateway syncs could not be rescheduled; restart the console to try again.")]
    private static partial void RescheduleFailed(ILogger logger, Exception exception);
}
