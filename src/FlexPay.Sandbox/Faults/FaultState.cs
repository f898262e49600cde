using Microsoft.Extensions.Options;

namespace FlexPay.Sandbox.Faults;

/// <summary>The fault settings in force: start from configuration, changed at run time through <c>PUT _faults</c>.</summary>
internal sealed class FaultState(IOptions<SandboxOptions> options)
{
    public const string ServerError = "serverError";
    public const string Timeout = "timeout";
    public const string Drop = "drop";

    private readonly Lock gate = new();
    private readonly Random random = options.Value.Faults.Seed is { } seed ? new Random(seed) : new Random();
    private FaultSettings settings = FaultSettings.From(options.Value.Faults);

    public FaultSettings Current
    {
        get
        {
            lock (gate)
            {
                return settings;
            }
        }
    }

    public void Change(FaultSettings next)
    {
        lock (gate)
        {
            settings = next;
        }
    }

    /// <summary>One roll per request; a single draw picks at most one fault so the rates add up.</summary>
    public string? Roll()
    {
        lock (gate)
        {
            if (settings.ServerErrorRate <= 0 && settings.TimeoutRate <= 0 && settings.DropRate <= 0)
            {
                return null;
            }
            var draw = random.NextDouble();
            if (draw < settings.ServerErrorRate)
            {
                return ServerError;
            }
            draw -= settings.ServerErrorRate;
            if (draw < settings.TimeoutRate)
            {
                return Timeout;
            }
            draw -= settings.TimeoutRate;
            return draw < settings.DropRate ? Drop : null;
        }
    }
}

internal sealed record FaultSettings(double ServerErrorRate, double TimeoutRate, double DropRate, TimeSpan TimeoutDelay)
{
    public static FaultSettings From(SandboxFaultOptions o) => new(o.ServerErrorRate, o.TimeoutRate, o.DropRate, o.TimeoutDelay);

    public bool IsValid => Rate(ServerErrorRate) && Rate(TimeoutRate) && Rate(DropRate)
        && ServerErrorRate + TimeoutRate + DropRate <= 1 && TimeoutDelay >= TimeSpan.Zero;

    private static bool Rate(double value) => value is >= 0 and <= 1;
}
