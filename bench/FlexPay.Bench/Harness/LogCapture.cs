using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FlexPay.Bench.Harness;

/// <summary>
/// Keeps the console's warnings and errors (to report them with the figures) and the few information
/// lines the benchmarks time themselves by; nothing is printed while a benchmark runs.
/// </summary>
internal sealed class LogCapture : ILoggerProvider
{
    /// <summary>RecoveryLog.Rescheduled: the end of the start-up rescheduling.</summary>
    public const int RescheduledEventId = 130;

    private readonly ConcurrentQueue<CapturedLine> _lines = new();

    public IReadOnlyList<CapturedLine> Lines => [.. _lines];

    public IReadOnlyList<CapturedLine> Problems => [.. _lines.Where(l => l.Level >= LogLevel.Warning)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private static bool Keeps(string category, LogLevel level, EventId eventId) =>
        level >= LogLevel.Warning
        || eventId.Id == RescheduledEventId
        || category.StartsWith("Hangfire", StringComparison.Ordinal) && level >= LogLevel.Information;

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (Keeps(category, logLevel, eventId))
            {
                owner._lines.Enqueue(new CapturedLine(DateTimeOffset.UtcNow, category, logLevel, eventId.Id, formatter(state, exception), exception?.GetType().Name));
            }
        }
    }
}

internal sealed record CapturedLine(DateTimeOffset At, string Category, LogLevel Level, int EventId, string Message, string? Exception);
