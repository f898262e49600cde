using FlexPay.Admin.Hosting;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Health;

/// <summary>
/// This node's Hangfire server is registered in the job storage and has sent a heartbeat lately (Hangfire names a server
/// <c>&lt;Node:Name&gt;:&lt;process&gt;:&lt;id&gt;</c>). <c>servers</c> counts every live server, this node's and the others'.
/// </summary>
internal sealed class SchedulerCheck(JobStorage storage, IOptions<NodeOptions> node, TimeProvider clock) : IHealthCheck
{
    /// <summary>Hangfire's servers beat every 30 s; one silent for longer than this is taken for dead (Hangfire's own timeout is 5 min).</summary>
    private static readonly TimeSpan Silence = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var live = storage.GetMonitoringApi().Servers().Where(s => s.Heartbeat is { } beat && now - beat < Silence).ToList();
        var own = live.Any(s => s.Name.StartsWith(node.Value.Name + ":", StringComparison.OrdinalIgnoreCase));
        var data = new Dictionary<string, object> { ["servers"] = live.Count };
        return Task.FromResult(own ? HealthCheckResult.Healthy(data: data) : HealthCheckResult.Unhealthy(data: data));
    }
}
