using System.Globalization;
using System.Text.Json.Nodes;
using FlexPay.Bench.Harness;
using FlexPay.Testing;
using Hangfire;

namespace FlexPay.Bench.Scenarios;

/// <summary>
/// Timing precision: N retries due at random instants (uniform, fixed seed) over a spread, once with the
/// console's scheduler settings and once, in the same process, with Hangfire's out-of-the-box ones
/// (15 s schedule polling, its default worker count, jobs scheduled for the due instant itself). On SQLite, or on a
/// durable throw-away PostgreSQL server (a fresh database per run) with <c>--provider postgres</c>.
/// </summary>
internal static class TimingBenchmark
{
    public static async Task RunAsync(int count, TimeSpan spread, bool onPostgres)
    {
        var configurations = new (string Name, Dictionary<string, string?> Settings)[]
        {
            ("console settings", []),
            ("Hangfire defaults", new()
            {
                ["Scheduler:PollingInterval"] = "00:00:15",
                ["Scheduler:WorkerCount"] = new BackgroundJobServerOptions().WorkerCount.ToString(CultureInfo.InvariantCulture),
                ["Scheduler:WakeLead"] = "00:00:00",
            }),
        };

        await using var sandbox = await SandboxHost.StartAsync();
        await using var postgres = onPostgres ? await PostgresCluster.StartAsync(durable: true) : null;
        var results = new List<RunResult>();
        foreach (var (name, settings) in configurations)
        {
            if (postgres is not null)
            {
                settings["Storage:Provider"] = "Postgres";
                settings["ConnectionStrings:FlexPay"] = await postgres.CreateDatabaseAsync();
            }
            Console.WriteLine($"[timing] {name}: {count} retries over {spread.TotalSeconds:0} s (load {Machine.LoadAverage()})");
            var result = await RetryRun.ExecuteAsync(sandbox, name, settings, start => DueTimes(start, count, spread),
                timeout: TimeSpan.FromMinutes(2));
            results.Add(result);
            Console.WriteLine($"[timing] {name}: done, p99 {result.Lateness.P99:0.0} ms, load {result.LoadAfter}");
        }

        var table = new ResultTable($"Timing precision{(onPostgres ? " on PostgreSQL" : "")}: {count} retries due over {spread.TotalSeconds:0} s, lateness = sandbox receivedAt - due (ms)",
            "settings", "sent", "p50", "p95", "p99", "max", "early", "dup", "missing", "cpu", "load before", "load after");
        foreach (var r in results)
        {
            table.Add(r.Name, r.Lateness.Count, r.Lateness.P50, r.Lateness.P95, r.Lateness.P99, r.Lateness.Max, r.Early, r.Duplicates, r.Missing,
                $"{r.CpuUtilisation:P0}", r.LoadBefore, r.LoadAfter);
        }
        var tuned = results[0].Lateness;
        var plain = results[1].Lateness;
        var ratio = new ResultTable("Hangfire defaults / console settings (lateness ratio)", "p50", "p95", "p99", "max");
        ratio.Add($"{plain.P50 / tuned.P50:0}x", $"{plain.P95 / tuned.P95:0}x", $"{plain.P99 / tuned.P99:0}x", $"{plain.Max / tuned.Max:0}x");
        var breakdown = Breakdown(results);

        Console.WriteLine();
        Console.WriteLine(table.Render());
        Console.WriteLine(ratio.Render());
        Console.WriteLine(breakdown.Render());
        var path = ResultTable.Write("timing", [table, ratio, breakdown], new JsonObject
        {
            ["count"] = count,
            ["spreadSeconds"] = spread.TotalSeconds,
            ["runs"] = new JsonArray([.. results.Select(r => (JsonNode)r.ToJson())]),
        });
        Console.WriteLine($"Written to {path}");
    }

    /// <summary>Where the time goes, per attempt: due → claimed (SentAt) → received by the sandbox → answer recorded.</summary>
    public static ResultTable Breakdown(IEnumerable<RunResult> results)
    {
        var table = new ResultTable("Breakdown (ms): due->claimed, claimed->received, received->answer recorded",
            "run", "claim p50", "claim p99", "transport p50", "transport p99", "answer p50", "answer p99");
        foreach (var r in results)
        {
            table.Add(r.Name, r.ClaimLateness.P50, r.ClaimLateness.P99, r.Transport.P50, r.Transport.P99, r.AnswerDelay.P50, r.AnswerDelay.P99);
        }
        return table;
    }

    private static List<DateTimeOffset> DueTimes(DateTimeOffset start, int count, TimeSpan spread)
    {
        var random = new Random(20261123);
        return [.. Enumerable.Range(0, count).Select(_ => start + TimeSpan.FromTicks((long)(random.NextDouble() * spread.Ticks)))];
    }
}
