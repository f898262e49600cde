using Microsoft.Extensions.Options;

namespace FlexPay.Core.Recovery.Dispatch;

/// <summary>The bound on requests to FlexPay in flight at once (<see cref="DispatchOptions.MaxConcurrentSends"/>), shared by every window.</summary>
public sealed class SendSlots(IOptions<DispatchOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentSends, options.Value.MaxConcurrentSends);

    public async Task<T> RunAsync<T>(Func<Task<T>> send, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try
        {
            return await send();
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
