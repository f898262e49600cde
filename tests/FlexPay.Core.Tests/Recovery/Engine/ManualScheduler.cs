using System.Collections.Concurrent;
using FlexPay.Core.Gateways;
using FlexPay.Core.Recovery;
using FlexPay.Core.Recovery.Dispatch;
using Microsoft.Extensions.Time.Testing;

namespace FlexPay.Core.Tests.Recovery.Engine;

/// <summary>
/// The scheduler seams, driven by the test's fake clock instead of Hangfire. Attempts need no runs of their
/// own: the harness dispatches whatever our tables say is due; this records the instants armed.
/// </summary>
internal sealed class ManualScheduler(FakeTimeProvider clock) : IRecoveryScheduler, IGatewaySyncScheduler
{
    private readonly ConcurrentDictionary<Guid, ScheduledRun> _runs = new();
    private readonly ConcurrentQueue<DateTimeOffset> _armed = new();

    public IReadOnlyCollection<ScheduledRun> Pending => [.. _runs.Values.OrderBy(r => r.At)];

    /// <summary>Every instant armed, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Armed => [.. _armed];

    /// <summary>The engine's running windows, once it is built: an instant armed into one signals it, as Hangfire's scheduler does.</summary>
    public ActiveWindows? Windows { get; set; }

    public void ArmAttempts(DateTimeOffset dueAt)
    {
        _armed.Enqueue(dueAt);
        Windows?.TrySignal(DueWindow.ToArm(dueAt, clock.GetUtcNow()));
    }

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

    public void Forget()
    {
        _runs.Clear();
        _armed.Clear();
    }
}

internal enum RunKind
{
    RefundCheck,
    GatewaySync,
}

internal sealed record ScheduledRun(RunKind Kind, Guid Id, DateTimeOffset At);
