namespace FlexPay.Sandbox;

/// <summary>Settings of the emulator, bound from the configuration section <c>Sandbox</c>.</summary>
public sealed class SandboxOptions
{
    /// <summary>The key accepted when configuration names none. Documented so a developer can use the emulator at once.</summary>
    public const string DevelopmentApiKey = "c2FuZGJveC1kZXZlbG9wbWVudC1rZXktMDAwMDAwMDA=";

    /// <summary>Accepted API keys; each one is its own company. Keys from configuration replace the default.</summary>
    public string[] ApiKeys { get; set; } = [DevelopmentApiKey];

    /// <summary>When set, a recoverable soft decline is retried after this delay; when unset, at the next 00:00 UTC.</summary>
    public TimeSpan? RetryDelay { get; set; }

    /// <summary>Emit <c>retryDate</c> without an offset, as FlexPay did in 2022, to exercise client tolerance.</summary>
    public bool OffsetlessRetryDate { get; set; }

    /// <summary>
    /// Whether <c>_log</c> and <c>_faults</c> are mapped. They have no key and show every request, so a
    /// console reachable by others switches them off; the FlexPay API stays.
    /// </summary>
    public bool Inspection { get; set; } = true;

    /// <summary>The request log keeps this many of the latest requests.</summary>
    public int LogCapacity { get; set; } = 10_000;

    /// <summary>Larger request bodies are refused with 413; FlexPay's own requests are a few kilobytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public SandboxFaultOptions Faults { get; set; } = new();
}

/// <summary>Injected failures of the <c>/v1/</c> API, all off by default.</summary>
public sealed class SandboxFaultOptions
{
    /// <summary>Share of requests answered HTTP 500 without being processed.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Share of requests that wait <see cref="TimeoutDelay"/> and are then processed.</summary>
    public double TimeoutRate { get; set; }

    /// <summary>Share of requests processed and recorded whose connection is then aborted.</summary>
    public double DropRate { get; set; }

    public TimeSpan TimeoutDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Seed of the fault rolls, for reproducible runs; random when unset.</summary>
    public int? Seed { get; set; }
}
