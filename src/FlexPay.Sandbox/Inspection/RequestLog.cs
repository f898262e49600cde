namespace FlexPay.Sandbox.Inspection;

/// <summary>Every <c>/v1/</c> request in the order received, for tests and people to inspect.</summary>
internal sealed class RequestLog
{
    private readonly Lock gate = new();
    private readonly List<LogEntry> entries = [];

    /// <summary>Appended when the request arrives, so order is arrival order even for slow requests.</summary>
    public void Add(LogEntry entry)
    {
        lock (gate)
        {
            entries.Add(entry);
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
