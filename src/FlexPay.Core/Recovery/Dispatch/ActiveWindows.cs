namespace FlexPay.Core.Recovery.Dispatch;

/// <summary>
/// The windows this process is dispatching right now. A retry armed into a running window signals it instead
/// of asking Hangfire for another job, so work that arrives mid-window (a new payment due now, an answer's
/// next retry a second later) is still sent at its instant. A window closes only when no signal arrived since
/// it last looked, so a signal is never lost between its last look and its exit.
/// </summary>
public sealed class ActiveWindows
{
    private readonly Lock gate = new();
    private readonly Dictionary<DueWindow, Run> running = [];

    /// <summary>
    /// Starts dispatching <paramref name="window"/>; null when this process already is, whose run is then signalled:
    /// a second job for a running window was armed where that run could not be signalled (on another node, or
    /// before the run began), and the run looks again for what it was armed for.
    /// </summary>
    public Run? TryEnter(DueWindow window)
    {
        lock (gate)
        {
            if (running.TryGetValue(window, out var current))
            {
                current.Signal();
                return null;
            }
            var run = new Run(this, window);
            running[window] = run;
            return run;
        }
    }

    /// <summary>Wakes the window's run if it is running; false when it is not (the caller must arm it).</summary>
    public bool TrySignal(DueWindow window)
    {
        lock (gate)
        {
            if (!running.TryGetValue(window, out var run))
            {
                return false;
            }
            run.Signal();
            return true;
        }
    }

    /// <summary>One window's dispatch: waits for its next instant or a signal, whichever comes first.</summary>
    public sealed class Run
    {
        private readonly ActiveWindows owner;
        private TaskCompletionSource wake = NewWake();
        private bool signalled;

        internal Run(ActiveWindows owner, DueWindow window)
        {
            this.owner = owner;
            Window = window;
        }

        public DueWindow Window { get; }

        /// <summary>Waits until <paramref name="until"/> or a signal; returns at once if one came since the last wait.</summary>
        public async Task WaitAsync(DateTimeOffset until, TimeProvider clock, CancellationToken ct)
        {
            Task woken;
            lock (owner.gate)
            {
                if (signalled)
                {
                    signalled = false;
                    return;
                }
                wake = NewWake();
                woken = wake.Task;
            }
            var delay = until - clock.GetUtcNow();
            if (delay <= TimeSpan.Zero)
            {
                return;
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            await Task.WhenAny(woken, Task.Delay(delay, clock, stop.Token));
            await stop.CancelAsync();
            ct.ThrowIfCancellationRequested();
            lock (owner.gate)
            {
                signalled = false;
            }
        }

        /// <summary>Leaves the registry unless a signal arrived since the last wait (then the caller looks again).</summary>
        public bool TryClose()
        {
            lock (owner.gate)
            {
                if (signalled)
                {
                    signalled = false;
                    return false;
                }
                owner.running.Remove(Window);
                return true;
            }
        }

        /// <summary>Leaves the registry whatever happened (the run failed or was cancelled).</summary>
        public void Abandon()
        {
            lock (owner.gate)
            {
                if (owner.running.TryGetValue(Window, out var current) && current == this)
                {
                    owner.running.Remove(Window);
                }
            }
        }

        internal void Signal()
        {
            signalled = true;
            wake.TrySetResult();
        }

        private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
