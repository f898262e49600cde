using FlexPay.Core.Gateways;
using Hangfire;

namespace FlexPay.Admin.Scheduling;

/// <summary>Hangfire's entry points for gateways. Hangfire's own retries are off: the synchronizer backs off by itself.</summary>
public sealed class GatewayJobs(GatewaySynchronizer synchronizer, GatewayReconciler reconciler)
{
    public const string ReconcileJobId = "gateway-reconcile";

    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task SyncAsync(Guid gatewayId, CancellationToken ct) => synchronizer.SyncAsync(gatewayId, ct);

    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task ReconcileAsync(CancellationToken ct) => await reconciler.ReconcileAsync(ct);
}
