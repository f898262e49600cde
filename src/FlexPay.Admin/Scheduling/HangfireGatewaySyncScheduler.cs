using FlexPay.Core.Gateways;
using Hangfire;

namespace FlexPay.Admin.Scheduling;

/// <summary>Hangfire wakes a gateway's sync; the gateway row says what (if anything) is left to send.</summary>
internal sealed class HangfireGatewaySyncScheduler(IBackgroundJobClient jobs, TimeProvider clock) : IGatewaySyncScheduler
{
    public void ScheduleSync(Guid gatewayId, DateTimeOffset runAt)
    {
        if (runAt <= clock.GetUtcNow())
        {
            jobs.Enqueue<GatewayJobs>(j => j.SyncAsync(gatewayId, CancellationToken.None));
        }
        else
        {
            jobs.Schedule<GatewayJobs>(j => j.SyncAsync(gatewayId, CancellationToken.None), runAt);
        }
    }
}
