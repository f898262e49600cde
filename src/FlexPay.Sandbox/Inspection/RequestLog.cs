using Microsoft.Extensions.Options;

namespace FlexPay.Sandbox.Inspection;

/// <summary>
/// The latest <c>/v1/</c> requests in the order received, for tests and people to inspect. A ring of
/// <c>LogCapacity</c> entries: the oldest goes when a new one comes, so a long run cannot exhaust memory.
/// </summary>
internal sealed class RequestLog(IOptions<SandboxOptions> options)
{
    private readonly Lock gate = new();
    private readonly int capacity = options.Value.LogCapacity;
    private readonly Queue<LogEntry> entries = new();

    /// <summary>Appended when the request arrives, so order is arrival order even for slow requests.</summary>
    public void Add(LogEntry entry)
    {
        lock (gate)
        {
            if (entries.Count == capacity)
            {
                entries.Dequeue();
            }
            entries.Enqueue(entry);
        }
    }

    public LogEntry[] Snapshot()
    {
        lock (gate)
        {
            return [.. entries];
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }
}
