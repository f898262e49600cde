using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FlexPay.Bench.Harness;
using FlexPay.Testing;

namespace FlexPay.Bench.Scenarios;

/// <summary>
/// Burst on PostgreSQL: N retries due at one instant, sent by 1, 2, 3… console nodes sharing one database (a fresh one
/// per node count) and one sandbox, in one run. The nodes run in this process, so their CPU is reported together, and
/// the PostgreSQL server's beside it (docs/decisions/017). The server makes its commits durable, as production would.
/// </summary>
internal static class NodesBurstBenchmark
{
    public static async Task RunAsync(int count, int workers, IReadOnlyList<int> nodeCounts)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var postgres = await PostgresCluster.StartAsync(durable: true);
        var results = new List<(int Nodes, RunResult Result, TimeSpan ServerCpu, TimeSpan Wall)>();
        foreach (var nodes in nodeCounts)
        {
            Console.WriteLine($"[nodes] {count} retries due at one instant, {nodes} node(s) on PostgreSQL, {workers} concurrent sends each (load {Machine.LoadAverage()})");
            var settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",
                ["ConnectionStrings:FlexPay"] = await postgres.CreateDatabaseAsync(),
                ["Scheduler:MaxConcurrentSends"] = workers.ToString(CultureInfo.InvariantCulture),
            };
            var serverCpuBefore = postgres.ServerCpuTime();
            var started = Stopwatch.GetTimestamp();
            var result = await RetryRun.ExecuteAsync(sandbox, $"{nodes} node(s)", settings, start => [.. Enumerable.Repeat(start, count)], TimeSpan.FromMinutes(5), nodes: nodes);
            results.Add((nodes, result, postgres.ServerCpuTime() - serverCpuBefore, Stopwatch.GetElapsedTime(started)));
            await sandbox.ClearLogAsync();
            Console.WriteLine($"[nodes] {nodes} node(s): last answered {result.DrainTime?.TotalSeconds:0.00} s after the instant; load {result.LoadAfter}");
        }

        var single = results[0].Result.DrainTime?.TotalSeconds ?? double.NaN;
        var table = new ResultTable($"Burst on PostgreSQL: {count} retries due at one instant, {workers} concurrent sends per node",
            "nodes", "sent", "last answered (s)", "attempts/s", "vs 1 node", "p50 (ms)", "p99 (ms)", "early", "dup", "missing",
            "console cpu (all nodes)", "postgres cpu", "load before", "load after");
        foreach (var (nodes, r, serverCpu, wall) in results)
        {
            var drain = r.DrainTime?.TotalSeconds ?? double.NaN;
            table.Add(nodes, r.Lateness.Count, drain, r.Lateness.Count / drain, single / drain, r.Lateness.P50, r.Lateness.P99, r.Early, r.Duplicates, r.Missing,
                $"{r.CpuUtilisation:P0}", $"{serverCpu.TotalMilliseconds / wall.TotalMilliseconds / Machine.Cores:P0}", r.LoadBefore, r.LoadAfter);
        }
        Console.WriteLine();
        Console.WriteLine(table.Render());
        var path = ResultTable.Write("burst-nodes", [table], new JsonObject
        {
            ["count"] = count,
            ["workers"] = workers,
            ["runs"] = new JsonArray([.. results.Select(r => (JsonNode)r.Result.ToJson())]),
        });
        Console.WriteLine($"Written to {path}");
    }
}
