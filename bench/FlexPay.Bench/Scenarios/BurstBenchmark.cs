using System.Globalization;
using System.Text.Json.Nodes;
using FlexPay.Bench.Harness;

namespace FlexPay.Bench.Scenarios;

/// <summary>
/// Burst: N retries due at the same instant, one fresh console per send concurrency
/// (<c>Scheduler:MaxConcurrentSends</c>), each followed in the same run by the physical limit: a bare client sending
/// the same N charges to the same sandbox with the same concurrency.
/// </summary>
internal static class BurstBenchmark
{
    public static async Task RunAsync(int count, IReadOnlyList<int> workerCounts)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var results = new List<(int Workers, RunResult Result, TimeSpan Raw)>();
        foreach (var workers in workerCounts)
        {
            Console.WriteLine($"[burst] {count} retries due at one instant, {workers} concurrent sends (load {Machine.LoadAverage()})");
            var settings = new Dictionary<string, string?> { ["Scheduler:MaxConcurrentSends"] = workers.ToString(CultureInfo.InvariantCulture) };
            var result = await RetryRun.ExecuteAsync(sandbox, $"{workers} workers", settings,
                start => [.. Enumerable.Repeat(start, count)], timeout: TimeSpan.FromMinutes(5));
            await sandbox.ClearLogAsync();
            var raw = await RawClientRun.ExecuteAsync(sandbox, count, workers);
            results.Add((workers, result, raw));
            Console.WriteLine($"[burst] {workers} sends: last answered {result.DrainTime?.TotalSeconds:0.00} s after the instant; bare client {raw.TotalSeconds:0.00} s; load {result.LoadAfter}");
        }

        var table = new ResultTable($"Burst: {count} retries due at one instant",
            "concurrent sends", "sent", "last answered (s)", "bare client (s)", "ratio", "attempts/s", "p50 (ms)", "p99 (ms)", "max (ms)", "early", "dup", "missing", "cpu", "load before", "load after");
        foreach (var (workers, r, raw) in results)
        {
            var drain = r.DrainTime?.TotalSeconds ?? double.NaN;
            table.Add(workers, r.Lateness.Count, drain, raw.TotalSeconds, drain / raw.TotalSeconds, r.Lateness.Count / drain, r.Lateness.P50, r.Lateness.P99, r.Lateness.Max, r.Early,
                r.Duplicates, r.Missing, $"{r.CpuUtilisation:P0}", r.LoadBefore, r.LoadAfter);
        }
        var breakdown = TimingBenchmark.Breakdown(results.Select(r => r.Result));
        Console.WriteLine();
        Console.WriteLine(table.Render());
        Console.WriteLine(breakdown.Render());
        var (_, first, firstRaw) = results[0];
        var path = ResultTable.Write("burst", [table, breakdown], new JsonObject
        {
            ["count"] = count,
            ["drainSeconds"] = first.DrainTime?.TotalSeconds,
            ["rawClientSeconds"] = firstRaw.TotalSeconds,
            ["early"] = first.Early,
            ["duplicates"] = first.Duplicates,
            ["missing"] = first.Missing,
            ["runs"] = new JsonArray([.. results.Select(r => (JsonNode)r.Result.ToJson())]),
        });
        Console.WriteLine($"Written to {path}");
    }
}
