using System.Globalization;
using System.Text.Json.Nodes;
using FlexPay.Bench.Harness;

namespace FlexPay.Bench.Scenarios;

/// <summary>Burst: N retries due at the same instant; one fresh console per worker count.</summary>
internal static class BurstBenchmark
{
    public static async Task RunAsync(int count, IReadOnlyList<int> workerCounts)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var results = new List<(int Workers, RunResult Result)>();
        foreach (var workers in workerCounts)
        {
            Console.WriteLine($"[burst] {count} retries due at one instant, {workers} workers (load {Machine.LoadAverage()})");
            var settings = new Dictionary<string, string?> { ["Scheduler:WorkerCount"] = workers.ToString(CultureInfo.InvariantCulture) };
            // Seeding 10,000 chains takes a few seconds on a loaded machine; the instant is after it.
            var lead = TimeSpan.FromSeconds(10 + count / 1000.0 * 2);
            var result = await RetryRun.ExecuteAsync(sandbox, $"{workers} workers", settings, lead,
                start => [.. Enumerable.Repeat(start, count)], timeout: TimeSpan.FromMinutes(5));
            results.Add((workers, result));
            Console.WriteLine($"[burst] {workers} workers: last answered {result.DrainTime?.TotalSeconds:0.00} s after the instant, load {result.LoadAfter}");
        }

        var table = new ResultTable($"Burst: {count} retries due at one instant",
            "workers", "sent", "last answered (s)", "attempts/s", "p50 (ms)", "p99 (ms)", "max (ms)", "early", "dup", "missing", "cpu", "load before", "load after");
        foreach (var (workers, r) in results)
        {
            var drain = r.DrainTime?.TotalSeconds ?? double.NaN;
            table.Add(workers, r.Lateness.Count, drain, r.Lateness.Count / drain, r.Lateness.P50, r.Lateness.P99, r.Lateness.Max, r.Early,
                r.Duplicates, r.Missing, $"{r.CpuUtilisation:P0}", r.LoadBefore, r.LoadAfter);
        }
        var breakdown = TimingBenchmark.Breakdown(results.Select(r => r.Result));
        Console.WriteLine();
        Console.WriteLine(table.Render());
        Console.WriteLine(breakdown.Render());
        var path = ResultTable.Write("burst", [table, breakdown], new JsonObject
        {
            ["count"] = count,
            ["runs"] = new JsonArray([.. results.Select(r => (JsonNode)r.Result.ToJson())]),
        });
        Console.WriteLine($"Written to {path}");
    }
}
