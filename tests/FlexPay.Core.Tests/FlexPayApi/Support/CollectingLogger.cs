using Microsoft.Extensions.Logging;

namespace FlexPay.Core.Tests.FlexPayApi.Support;

/// <summary>Keeps every log line (message, structured values and exception) so tests can search them for secrets.</summary>
internal sealed class CollectingLogger<T>(LogLines lines) : ILogger<T>
{
    public CollectingLogger()
        : this(new LogLines())
    {
    }

    public IReadOnlyList<string> Lines => lines.Snapshot();

    public string AllText => string.Join('\n', lines.Snapshot());

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        lines.Add($"scope: {state}");
        return null;
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        lines.Add($"{logLevel}: {formatter(state, exception)} [{values}] {exception}");
    }
}

/// <summary>Log lines shared by every logger of a provider; handlers may log from any thread.</summary>
internal sealed class LogLines
{
    private readonly Lock gate = new();
    private readonly List<string> lines = [];

    public void Add(string line)
    {
        lock (gate)
        {
            lines.Add(line);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (gate)
        {
            return [.. lines];
        }
    }
}

/// <summary>Collects what every category logs, HttpClientFactory's own handlers included.</summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    public LogLines Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CollectingLogger<object>(Lines);

    public void Dispose()
    {
    }
}
