using System.Collections.Concurrent;
using FlexPay.Core.Gateways;
using FlexPay.Core.Recovery;
using Microsoft.Extensions.Time.Testing;

namespace FlexPay.Core.Tests.Recovery.Engine;

/// <summary>The scheduler seams, driven by the test's fake clock instead of Hangfire.</summary>
internal sealed class ManualScheduler(FakeTimeProvider clock) : IRecoveryScheduler, IGatewaySyncScheduler
{
    private readonly ConcurrentDictionary<Guid, ScheduledRun> _runs = new();

    public IReadOnlyCollection<ScheduledRun> Pending => [.. _runs.Values.OrderBy(r => r.At)];

    public void ScheduleAttempt(Guid attemptId, DateTimeOffset runAt) => _runs[attemptId] = new ScheduledRun(RunKind.Attempt, attemptId, runAt);

    public void ScheduleRefundCheck(Guid refundId, DateTimeOffset runAt) => _runs[refundId] = new ScheduledRun(RunKind.RefundCheck, refundId, runAt);

    public void ScheduleSync(Guid gatewayId, DateTimeOffset runAt) => _runs[gatewayId] = new ScheduledRun(RunKind.GatewaySync, gatewayId, runAt);

    public DateTimeOffset? NextAt => _runs.Values.Select(r => (DateTimeOffset?)r.At).Min();

    /// <summary>Takes the runs due at the fake clock's now (each once).</summary>
    public IReadOnlyList<ScheduledRun> TakeDue()
    {
        var due = _runs.Values.Where(r => r.At <= clock.GetUtcNow()).OrderBy(r => r.At).ToList();
        due.ForEach(r => _runs.TryRemove(new KeyValuePair<Guid, ScheduledRun>(r.Id, r)));
        return due;
    }

    public void Forget() => _runs.Clear();
}

internal enum RunKind
{
    Attempt,
    RefundCheck,
    GatewaySync,
}

internal sealed record ScheduledRun(RunKind Kind, Guid Id, DateTimeOffset At);
