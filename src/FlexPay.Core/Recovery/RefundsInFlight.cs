using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlexPay.Core.Recovery;

/// <summary>
/// The refunds this process is sending to FlexPay. A send runs in its own scope under the host's lifetime, never a
/// caller's request: a billing system that hangs up cannot abandon a refund FlexPay is making. Each refund is sent at
/// most once at a time; a caller (or a retry under the same key) waits on the send already running.
/// </summary>
public sealed class RefundsInFlight(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<RefundsInFlight> logger)
{
    private readonly Dictionary<Guid, Task> _sending = [];

    /// <summary>Starts sending a recorded refund unless it is being sent already; the task ends when its answer (or its unknown outcome) is stored.</summary>
    public Task Send(Guid refundId, string actorName)
    {
        lock (_sending)
        {
            if (!_sending.TryGetValue(refundId, out var running))
            {
                running = RunAsync(refundId, actorName);
                _sending[refundId] = running;
            }
            return running;
        }
    }

    /// <summary>The send of <paramref name="refundId"/> still running in this process, if any.</summary>
    public Task? Find(Guid refundId)
    {
        lock (_sending)
        {
            return _sending.GetValueOrDefault(refundId);
        }
    }

    private async Task RunAsync(Guid refundId, string actorName)
    {
        // Returns to Send before anything runs, so the task is registered before it can finish.
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RefundProcessor>().SendRecordedAsync(refundId, actorName, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Left Sending: the next start-up reads the outcome back from FlexPay before anything is resent.
        }
        catch (Exception ex)
        {
            // Left Sending too: the stalled-work sweeper finds it. Nobody awaits this task for its error.
            logger.RefundSendFailed(ex, refundId);
        }
        finally
        {
            lock (_sending)
            {
                _sending.Remove(refundId);
            }
        }
    }
}
