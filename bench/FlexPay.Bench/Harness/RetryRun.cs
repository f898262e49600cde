using System.Diagnostics;
using System.Text.Json.Nodes;
using FlexPay.Core.Recovery;

namespace FlexPay.Bench.Harness;

/// <summary>One console, started fresh on its own database, sending a set of seeded retries to the sandbox.</summary>
internal static class RetryRun
{
    /// <summary>
    /// How long after the seeded retries are moved to their instants the first of them is due: time enough to arm
    /// the scheduler, which is part of what is measured.
    /// </summary>
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(3);

    /// <summary>Where retries wait while they are seeded, so seeding (slow on a loaded machine) never overlaps the measured instants.</summary>
    private static readonly TimeSpan Parked = TimeSpan.FromDays(1);

    /// <param name="dueTimes">The due instants, given the first.</param>
    /// <param name="extras">What a scenario does besides the retries, on the (first) console (null: nothing).</param>
    /// <param name="nodes">Consoles sharing the work: more than one needs <c>Storage:Provider=Postgres</c> in <paramref name="settings"/>.</param>
    public static async Task<RunResult> ExecuteAsync(
        SandboxHost sandbox, string name, IReadOnlyDictionary<string, string?> settings,
        Func<DateTimeOffset, IReadOnlyList<DateTimeOffset>> dueTimes, TimeSpan timeout, RunExtras? extras = null, int nodes = 1)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("flexpay-bench-").FullName;
        var consoles = new List<ConsoleHost>();
        try
        {
            for (var node = 1; node <= nodes; node++)
            {
                var console = new ConsoleHost(sandbox, dataDirectory, new Dictionary<string, string?>(settings) { ["Node:Name"] = $"bench-{node}" });
                consoles.Add(console);
                console.Start();
                await WaitForStartupAsync(console);
            }
            var first = consoles[0];
            var paymentMethodId = await Retries.VaultTestCardAsync(first.Services);
            await WarmUpAsync(consoles, paymentMethodId);
            await sandbox.ClearLogAsync();

            if (extras is not null)
            {
                await extras.BeforeSeedingAsync(first.Services);
            }
            var loadBefore = Machine.LoadAverage();
            var parkedAt = DateTimeOffset.UtcNow + Parked;
            var parked = await Retries.SeedAsync(first.Services, paymentMethodId, dueTimes(parkedAt));
            var seeded = await Retries.MoveDueAsync(first.Services, parked, parkedAt - (DateTimeOffset.UtcNow + Lead));
            var due = seeded.Select(r => r.DueAt).ToList();
            // Every node arms the instants, as each node's own arming job would.
            consoles.ForEach(c => Retries.Schedule(c.Services, seeded));
            var scheduledAt = DateTimeOffset.UtcNow;
            var firstDue = due.Min();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var wallBefore = Stopwatch.GetTimestamp();

            var finished = await Retries.WaitUntilAllAnsweredAsync(first.Services, due.Max() - DateTimeOffset.UtcNow + timeout);
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var wall = Stopwatch.GetElapsedTime(wallBefore);

            var attempts = await Retries.ReadAttemptsAsync(first.Services);
            var charges = await sandbox.ChargesAsync();
            var extra = extras is null ? null : await extras.AfterAnsweredAsync(first.Services, firstDue);
            return RunResult.From(name, seeded, attempts, charges, first.Log) with
            {
                Extra = extra,
                Finished = finished,
                SetupOverran = scheduledAt > firstDue - TimeSpan.FromSeconds(1),
                FirstDue = firstDue,
                CpuUtilisation = cpu.TotalMilliseconds / wall.TotalMilliseconds / Machine.Cores,
                LoadBefore = loadBefore,
                LoadAfter = Machine.LoadAverage(),
            };
        }
        finally
        {
            foreach (var console in consoles)
            {
                await console.DisposeAsync();
            }
            TryDelete(dataDirectory);
        }
    }

    /// <summary>A running console has its code compiled and its connections open: a few retries first, not measured.</summary>
    private static async Task WarmUpAsync(List<ConsoleHost> consoles, string paymentMethodId)
    {
        var now = DateTimeOffset.UtcNow;
        var warmUp = await Retries.SeedAsync(consoles[0].Services, paymentMethodId, [.. Enumerable.Range(0, 50).Select(i => now.AddMilliseconds(100 * i))]);
        foreach (var console in consoles)
        {
            Retries.Schedule(console.Services, warmUp);
        }
        await Retries.WaitUntilAllAnsweredAsync(consoles[0].Services, TimeSpan.FromMinutes(1));
    }

    private static async Task WaitForStartupAsync(ConsoleHost console)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (!console.Log.Lines.Any(l => l.EventId == LogCapture.RescheduledEventId) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle not yet released; the temp folder is cleaned by the system.
        }
    }
}

/// <summary>
/// A scenario's own work around a <see cref="RetryRun"/>: before the retries are seeded (after the warm-up), and once
/// every retry is answered, with the retries' common first due instant; what it returns is kept with the run.
/// </summary>
internal sealed record RunExtras(Func<IServiceProvider, Task> BeforeSeedingAsync, Func<IServiceProvider, DateTimeOffset, Task<JsonObject>> AfterAnsweredAsync);

/// <summary>What one run measured. Lateness is the sandbox's receivedAt minus the attempt's due instant.</summary>
internal sealed record RunResult(
    string Name,
    int Seeded,
    Stats Lateness,
    int Early,
    int Duplicates,
    int Missing,
    Stats ClaimLateness,
    Stats Transport,
    Stats AnswerDelay,
    DateTimeOffset? LastAnswered,
    DateTimeOffset? LastReceived,
    IReadOnlyList<CapturedLine> Problems,
    IReadOnlyList<string> HangfireLines)
{
    public bool Finished { get; init; }

    public bool SetupOverran { get; init; }

    public DateTimeOffset FirstDue { get; init; }

    public double CpuUtilisation { get; init; }

    public string LoadBefore { get; init; } = "";

    public string LoadAfter { get; init; } = "";

    /// <summary>What <see cref="RunExtras.AfterAnsweredAsync"/> measured, if anything.</summary>
    public JsonObject? Extra { get; init; }

    /// <summary>From the (common) due instant until the console recorded the last answer.</summary>
    public TimeSpan? DrainTime => LastAnswered - FirstDue;

    public static RunResult From(
        string name, IReadOnlyList<SeededRetry> seeded, IReadOnlyList<AttemptRecord> attempts, IReadOnlyList<SandboxCharge> charges, LogCapture log)
    {
        var processed = charges.Where(c => c.ResponseCode is { } code && code != "50129").ToList();
        var byId = processed.GroupBy(c => c.MerchantTransactionId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.ReceivedAt).ToList());
        var attemptsById = attempts.ToDictionary(a => a.MerchantTransactionId);
        var lateness = new List<double>();
        var claim = new List<double>();
        var transport = new List<double>();
        var answer = new List<double>();
        var early = 0;
        var missing = 0;
        foreach (var retry in seeded)
        {
            if (!byId.TryGetValue(retry.MerchantTransactionId, out var received))
            {
                missing++;
                continue;
            }
            var first = received[0].ReceivedAt;
            lateness.Add((first - retry.DueAt).TotalMilliseconds);
            early += first < retry.DueAt ? 1 : 0;
            var attempt = attemptsById[retry.MerchantTransactionId];
            if (attempt.SentAt is { } sentAt)
            {
                claim.Add((sentAt - retry.DueAt).TotalMilliseconds);
                transport.Add((first - sentAt).TotalMilliseconds);
            }
            if (attempt.AnsweredAt is { } answeredAt)
            {
                answer.Add((answeredAt - first).TotalMilliseconds);
            }
        }
        return new RunResult(
            name,
            seeded.Count,
            new Stats(lateness),
            early,
            byId.Values.Sum(v => v.Count - 1),
            missing,
            new Stats(claim),
            new Stats(transport),
            new Stats(answer),
            attempts.Max(a => a.AnsweredAt),
            processed.Count == 0 ? null : processed.Max(c => c.ReceivedAt),
            log.Problems,
            [.. log.Lines.Where(l => l.Category.StartsWith("Hangfire", StringComparison.Ordinal)).Select(l => l.Message).Where(IsServerOptions)]);
    }

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["seeded"] = Seeded,
        ["finished"] = Finished,
        ["setupOverran"] = SetupOverran,
        ["latenessMs"] = StatsJson(Lateness),
        ["early"] = Early,
        ["duplicates"] = Duplicates,
        ["missing"] = Missing,
        ["claimLatenessMs"] = StatsJson(ClaimLateness),
        ["sentToReceivedMs"] = StatsJson(Transport),
        ["receivedToAnswerRecordedMs"] = StatsJson(AnswerDelay),
        ["drainSeconds"] = DrainTime?.TotalSeconds,
        ["cpuUtilisation"] = CpuUtilisation,
        ["loadBefore"] = LoadBefore,
        ["loadAfter"] = LoadAfter,
        ["problems"] = new JsonArray([.. Problems.Take(20).Select(p => (JsonNode)$"{p.Level} {p.Category}: {p.Message} {p.Exception}")]),
        ["problemCount"] = Problems.Count,
        ["hangfireServer"] = new JsonArray([.. HangfireLines.Select(l => (JsonNode)l)]),
        ["extra"] = Extra?.DeepClone(),
    };

    private static bool IsServerOptions(string message) =>
        message.Contains("worker", StringComparison.OrdinalIgnoreCase) || message.Contains("polling", StringComparison.OrdinalIgnoreCase);

    private static JsonObject StatsJson(Stats s) => new()
    {
        ["count"] = s.Count,
        ["p50"] = Finite(s.P50),
        ["p95"] = Finite(s.P95),
        ["p99"] = Finite(s.P99),
        ["max"] = Finite(s.Max),
        ["min"] = Finite(s.Min),
    };

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 2) : null;
}
