using FlexPay.Admin.Scheduling;
using FlexPay.Core.Tests.Support;
using Microsoft.Extensions.Logging;
using HangfireLog = Hangfire.Logging;

namespace FlexPay.Admin.Tests.Scheduling;

/// <summary>Hangfire logs through one process-wide provider; each message must reach a host that is still running.</summary>
public sealed class HangfireLogBridgeTests
{
    private readonly HangfireLogBridge bridge = new();

    [Fact]
    public void Messages_go_to_the_latest_running_host_and_fall_back_when_it_stops()
    {
        var first = new CapturingLoggerProvider();
        var second = new CapturingLoggerProvider();
        using var firstFactory = LoggerFactory.Create(b => b.AddProvider(first));
        using var secondFactory = LoggerFactory.Create(b => b.AddProvider(second));
        var log = bridge.GetLogger("Hangfire.Test");

        using (bridge.Attach(firstFactory))
        {
            using (bridge.Attach(secondFactory))
            {
                Assert.True(log.Log(HangfireLog.LogLevel.Warn, () => "while both run"));
            }
            Assert.True(log.Log(HangfireLog.LogLevel.Warn, () => "after the second stopped"));
        }

        Assert.Contains(second.Lines, l => l.Contains("Warning Hangfire.Test: while both run", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Lines, l => l.Contains("after the second stopped", StringComparison.Ordinal));
        Assert.Contains(first.Lines, l => l.Contains("Warning Hangfire.Test: after the second stopped", StringComparison.Ordinal));
    }

    [Fact]
    public void A_factory_disposed_before_it_detached_swallows_the_message_instead_of_throwing()
    {
        var factory = LoggerFactory.Create(b => b.AddProvider(new CapturingLoggerProvider()));
        using var attachment = bridge.Attach(factory);
        factory.Dispose();

        var logged = bridge.GetLogger("Hangfire.Test").Log(HangfireLog.LogLevel.Error, () => "too late");

        Assert.False(logged);
    }
}
