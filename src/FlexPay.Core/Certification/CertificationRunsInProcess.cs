using System.Collections.Concurrent;

namespace FlexPay.Core.Certification;

/// <summary>
/// The runs this process queued and has not finished. Start-up's clean-up (<see cref="CertificationRunner.InterruptUnfinishedAsync"/>)
/// runs beside the first requests, so a run queued in those first moments must not be taken for one a previous process left.
/// One process owns a data folder, so every other unfinished run is such a leftover.
/// </summary>
public sealed class CertificationRunsInProcess
{
    private readonly ConcurrentDictionary<Guid, byte> _runs = new();

    internal void Add(Guid runId) => _runs.TryAdd(runId, 0);

    internal void Remove(Guid runId) => _runs.TryRemove(runId, out _);

    internal bool Contains(Guid runId) => _runs.ContainsKey(runId);
}
