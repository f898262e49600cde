using FlexPay.Core.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Recovery.Dispatch;

/// <summary>
/// One due window's job (docs/decisions/010). Woken ahead of the window, it claims what is due the moment it
/// is due, in batches, and hands each claimed batch to its sends while it claims the next; between instants it
/// sleeps until the next one or until a retry is armed into the window. Anything overdue, from any earlier
/// window, is due too. It ends once the window is over and nothing in it is left.
/// </summary>
public sealed class WindowDispatcher(
    ActiveWindows windows,
    DueWork dueWork,
    AttemptBatch batches,
    AttemptProcessor outcomes,
    SendSlots slots,
    TimeProvider clock,
    IOptions<DispatchOptions> options,
    IOptions<StorageOptions> storage,
    ILogger<WindowDispatcher> logger)
{
    /// <summary>Claimed batches sending at once: one sending while the next is claimed and answered.</summary>
    private const int BatchesInFlight = 2;

    public async Task RunAsync(DueWindow window, CancellationToken ct)
    {
        if (windows.TryEnter(window) is not { } run)
        {
            logger.WindowAlreadyRunning(window);
            return;
        }
        var work = new InFlight(logger);
        try
        {
            var handled = 0;
            while (true)
            {
                if (await StartDueAsync(work, ct) is > 0 and var started)
                {
                    handled += started;
                    continue;
                }
                var next = await dueWork.NextBeforeAsync(window.End, work.Excluded, ct);
                if (next is null && clock.GetUtcNow() >= window.End && run.TryClose())
                {
                    break;
                }
                var wakeAt = WakeAt(next ?? window.End);
                logger.WindowSleeps(window, wakeAt);
                await run.WaitAsync(wakeAt, clock, ct);
            }
            await work.DrainAsync();
            logger.WindowDone(window, handled);
        }
        finally
        {
            run.Abandon();
        }
    }

    /// <summary>When a sleeping run wakes: at its next instant, and on PostgreSQL soon enough to see what other nodes armed.</summary>
    private DateTimeOffset WakeAt(DateTimeOffset next)
    {
        if (!storage.Value.IsPostgres)
        {
            return next;
        }
        var lookAgain = clock.GetUtcNow() + options.Value.OtherNodesLookAgain;
        return next < lookAgain ? next : lookAgain;
    }

    /// <summary>
    /// Dispatches everything due at the clock's now and waits for all of it: one instant of a window, for callers
    /// that move the clock themselves (the fake-clock engine harness of the tests). Returns how much was handled.
    /// </summary>
    public async Task<int> RunDueNowAsync(CancellationToken ct = default)
    {
        var work = new InFlight(logger);
        var handled = 0;
        do
        {
            while (await StartDueAsync(work, ct) is > 0 and var started)
            {
                handled += started;
            }
            await work.DrainAsync();
        }
        while (await dueWork.NextBeforeAsync(clock.GetUtcNow().AddTicks(1), work.Excluded, ct) is not null);
        return handled;
    }

    /// <summary>Starts the checks due now and claims and starts one batch of the sends due now; returns how many items it took.</summary>
    private async Task<int> StartDueAsync(InFlight work, CancellationToken ct)
    {
        var max = options.Value.ClaimBatchSize;
        var checks = await dueWork.ChecksDueByAsync(clock.GetUtcNow(), max, work.Excluded, ct);
        foreach (var attemptId in checks)
        {
            work.StartCheck(attemptId, () => slots.RunAsync(async () =>
            {
                await outcomes.CheckOutcomeAsync(attemptId, ct);
                return true;
            }, ct));
        }
        // Claim no further ahead than the sends can go: more batches in flight only queue for the send slots
        // and the write gate, and would mark attempts Sending long before their request leaves.
        await work.WaitForBatchRoomAsync(BatchesInFlight);
        var claimed = await batches.ClaimDueAsync(clock.GetUtcNow(), max, work.Excluded, ct);
        work.Exclude(claimed.Refused);
        if (claimed.Count > 0)
        {
            work.StartBatch(SendAndDisposeAsync(claimed, ct));
        }
        else
        {
            await claimed.DisposeAsync();
        }
        return checks.Count + claimed.Taken;
    }

    private static async Task SendAndDisposeAsync(AttemptBatch.Claimed claimed, CancellationToken ct)
    {
        await using (claimed)
        {
            await claimed.SendAsync(ct);
        }
    }

    /// <summary>
    /// The window's running batches and checks. A check's attempt stays out of the queries until it ends, and an
    /// attempt whose claim was refused for the rest of the run (it would be refused again at once).
    /// </summary>
    private sealed class InFlight(ILogger logger)
    {
        private readonly List<Task> tasks = [];
        private readonly List<Task> batchTasks = [];
        private readonly HashSet<Guid> excluded = [];
        private readonly Lock gate = new();

        public IReadOnlyCollection<Guid> Excluded
        {
            get
            {
                lock (gate)
                {
                    return [.. excluded];
                }
            }
        }

        public void Exclude(IEnumerable<Guid> attemptIds)
        {
            lock (gate)
            {
                excluded.UnionWith(attemptIds);
            }
        }

        public void Start(Task task)
        {
            lock (gate)
            {
                tasks.RemoveAll(t => t.IsCompleted);
                tasks.Add(Observe(task));
            }
        }

        public void StartBatch(Task batch)
        {
            var observed = Observe(batch);
            lock (gate)
            {
                batchTasks.RemoveAll(t => t.IsCompleted);
                batchTasks.Add(observed);
            }
            Start(observed);
        }

        public async Task WaitForBatchRoomAsync(int limit)
        {
            while (true)
            {
                Task[] running;
                lock (gate)
                {
                    batchTasks.RemoveAll(t => t.IsCompleted);
                    if (batchTasks.Count < limit)
                    {
                        return;
                    }
                    running = [.. batchTasks];
                }
                await Task.WhenAny(running);
            }
        }

        public void StartCheck(Guid attemptId, Func<Task> check)
        {
            Exclude([attemptId]);
            Start(RunCheckAsync(attemptId, check));
        }

        public async Task DrainAsync()
        {
            Task[] running;
            lock (gate)
            {
                running = [.. tasks];
            }
            await Task.WhenAll(running);
        }

        private async Task RunCheckAsync(Guid attemptId, Func<Task> check)
        {
            // A check that failed stays out of this window's queries (it would fail again at once); the sweeper
            // hands it to a later window.
            await check();
            lock (gate)
            {
                excluded.Remove(attemptId);
            }
        }

        /// <summary>A failed batch leaves its attempts Sending, for the stalled-work sweeper; the window goes on.</summary>
        private async Task Observe(Task task)
        {
            try
            {
                await task;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.BatchFailed(ex);
            }
        }
    }
}
