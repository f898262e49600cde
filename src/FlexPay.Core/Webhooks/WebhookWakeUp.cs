namespace FlexPay.Core.Webhooks;

/// <summary>
/// Tells the dispatcher that deliveries were saved, so they leave at once instead of at its next poll. Losing a
/// signal costs only latency: the dispatcher polls anyway.
/// </summary>
public sealed class WebhookWakeUp : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Signal()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another writer signalled first: one wake-up is enough.
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>Waits for a signal or <paramref name="timeout"/> (measured by <paramref name="clock"/>).</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await _signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The poll interval passed without a signal.
        }
    }
}
