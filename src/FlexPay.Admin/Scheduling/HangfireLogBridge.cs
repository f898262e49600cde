using System.Collections.Concurrent;
using HangfireLog = Hangfire.Logging;

namespace FlexPay.Admin.Scheduling;

/// <summary>
/// Hangfire's log provider is process-wide (a static), while every host has its own <see cref="ILoggerFactory"/>.
/// Hangfire's default hands it the factory of the host configured last; in a process with several hosts (the test
/// hosts) a job created after that host stopped threw <see cref="ObjectDisposedException"/> from the disposed
/// factory, and every other host's Hangfire messages went to the wrong log. This bridge is the one provider: each
/// message goes to the factory of a host that is still running, and nowhere once none is.
/// </summary>
internal sealed class HangfireLogBridge : HangfireLog.ILogProvider
{
    public static HangfireLogBridge Instance { get; } = new();

    private readonly ConcurrentDictionary<ILoggerFactory, long> running = new();
    private long attachments;

    /// <summary>A bridge of its own (tests); the app uses <see cref="Instance"/>.</summary>
    internal HangfireLogBridge()
    {
    }

    public IDisposable Attach(ILoggerFactory factory)
    {
        running[factory] = Interlocked.Increment(ref attachments);
        return new Detachment(() => running.TryRemove(factory, out _));
    }

    public HangfireLog.ILog GetLogger(string name) => new BridgedLog(this, name);

    /// <summary>The factory of the host that started last among those still running.</summary>
    private ILoggerFactory? Current()
    {
        ILoggerFactory? latest = null;
        var latestOrder = long.MinValue;
        foreach (var (factory, order) in running)
        {
            if (order > latestOrder)
            {
                (latest, latestOrder) = (factory, order);
            }
        }
        return latest;
    }

    private sealed class BridgedLog(HangfireLogBridge bridge, string name) : HangfireLog.ILog
    {
        public bool Log(HangfireLog.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (bridge.Current() is not { } factory)
            {
                return false;
            }
            try
            {
                var logger = factory.CreateLogger(name);
                var level = ToMicrosoft(logLevel);
                if (!logger.IsEnabled(level))
                {
                    return false;
                }
                if (messageFunc is null)
                {
                    return true;
                }
                logger.Log(level, 0, messageFunc(), exception, static (message, _) => message);
                return true;
            }
            catch (ObjectDisposedException)
            {
                // The host stopped between the lookup and the write: the message has no log left to go to.
                return false;
            }
        }

        private static LogLevel ToMicrosoft(HangfireLog.LogLevel level) => level switch
        {
            HangfireLog.LogLevel.Trace => LogLevel.Trace,
            HangfireLog.LogLevel.Debug => LogLevel.Debug,
            HangfireLog.LogLevel.Info => LogLevel.Information,
            HangfireLog.LogLevel.Warn => LogLevel.Warning,
            HangfireLog.LogLevel.Error => LogLevel.Error,
            _ => LogLevel.Critical,
        };
    }

    private sealed class Detachment(Action detach) : IDisposable
    {
        public void Dispose() => detach();
    }
}
