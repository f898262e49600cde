using Microsoft.Extensions.Logging;

namespace FlexPay.Core.Tests.FlexPayApi.Support;

/// <summary>Keeps every log line (message, structured values and exception) so tests can search them for secrets.</summary>
internal sealed class CollectingLogger<T> : ILogger<T>
{
    public List<string> Lines { get; } = [];

    public string AllText => string.Join('\n', Lines);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        Lines.Add($"scope: {state}");
        return null;
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        Lines.Add($"{logLevel}: {formatter(state, exception)} [{values}] {exception}");
    }
}
