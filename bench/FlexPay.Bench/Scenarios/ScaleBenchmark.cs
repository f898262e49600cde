using System.Diagnostics;
using System.Text.Json.Nodes;
using FlexPay.Bench.Harness;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlexPay.Bench.Scenarios;

/// <summary>
/// Scale: the start-up rescheduling of many pending retries (time, peak memory), the chains grid's
/// queries at 100,000 and 1,000,000 chains, and the database's size per million attempts.
/// </summary>
internal static class ScaleBenchmark
{
    private const int Iterations = 40;
    private const int PageSize = 50;

    private static readonly GridQuery[] GridQueries =
    [
        new("newest first", q => q, q => q.OrderByDescending(c => c.CreatedAt)),
        new("state=Scheduled, newest first", q => q.Where(c => c.State == ChainState.Scheduled), q => q.OrderByDescending(c => c.CreatedAt)),
        new("sorted by next retry", q => q, q => q.OrderBy(c => c.NextAttemptDueAt)),
        new("state=Scheduled, by next retry", q => q.Where(c => c.State == ChainState.Scheduled), q => q.OrderBy(c => c.NextAttemptDueAt)),
    ];

    public static async Task RunAsync(int pending, IReadOnlyList<int> chainCounts)
    {
        var details = new JsonObject();
        var restart = await RescheduleAsync(pending, details);
        Console.WriteLine(restart.Render());
        var (grid, size) = await GridAsync(chainCounts, details);
        Console.WriteLine(grid.Render());
        Console.WriteLine(size.Render());
        var path = ResultTable.Write("scale", [restart, grid, size], details);
        Console.WriteLine($"Written to {path}");
    }

    private static async Task<ResultTable> RescheduleAsync(int pending, JsonObject details)
    {
        var table = new ResultTable("Start-up rescheduling of pending retries",
            "pending", "attempt rows", "load (s)", "start->listening (s)", "start->rescheduled (s)", "rss before (MB)", "peak rss (MB)",
            "heap after (MB)", "read: streamed (s)", "read: keyset pages (s)", "load avg");
        var runs = new JsonArray();
        await using var sandbox = await SandboxHost.StartAsync();
        foreach (var count in new[] { 0, pending })
        {
            Console.WriteLine($"[scale] start-up with {count} pending retries (load {Machine.LoadAverage()})");
            var dataDirectory = Directory.CreateTempSubdirectory("flexpay-bench-").FullName;
            var loader = new BulkLoader(Path.Combine(dataDirectory, StorageOptions.DatabaseFileName));
            await loader.MigrateAsync();
            var loaded = count == 0 ? new LoadResult(0, 0, TimeSpan.Zero) : await loader.LoadAsync(count, allPending: true, seed: 1);
            SqliteConnection.ClearAllPools();

            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var rssBefore = Machine.ResidentSetBytes();
            Machine.ResetPeakResidentSet();
            var started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            await using (var console = new ConsoleHost(sandbox, dataDirectory, new Dictionary<string, string?>()))
            {
                console.Start();
                var listening = clock.Elapsed;
                var done = await WaitForAsync(() => console.Log.Lines.FirstOrDefault(l => l.EventId == LogCapture.RescheduledEventId), TimeSpan.FromMinutes(10));
                var peak = Machine.PeakResidentSetBytes();
                var heap = GC.GetTotalMemory(forceFullCollection: true);
                var rescheduled = done is null ? double.NaN : (done.At - started).TotalSeconds;
                var (streamed, keyset) = await ReadPendingBothWaysAsync(console.Services, loader);
                table.Add(count, loaded.Attempts, loaded.Elapsed.TotalSeconds, listening.TotalSeconds, rescheduled, Mb(rssBefore), Mb(peak), Mb(heap),
                    streamed, keyset, Machine.LoadAverage());
                runs.Add(new JsonObject
                {
                    ["pending"] = count,
                    ["attemptRows"] = loaded.Attempts,
                    ["message"] = done?.Message,
                    ["problems"] = new JsonArray([.. console.Log.Problems.Take(10).Select(p => (JsonNode)$"{p.Level} {p.Category}: {p.Message}")]),
                });
            }
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
        details["reschedule"] = runs;
        return table;
    }

    /// <summary>
    /// The database side of the rescheduling alone, both ways, back to back under the same load: the console's
    /// PendingWorkRescheduler (one streamed pass) with a scheduler that only counts, and the keyset pages of
    /// 10,000 ordered by Id that it used before (docs/decisions/005).
    /// </summary>
    private static async Task<(double Streamed, double Keyset)> ReadPendingBothWaysAsync(IServiceProvider services, BulkLoader loader)
    {
        var counter = new CountingScheduler();
        var rescheduler = new PendingWorkRescheduler(
            services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>(), counter, TimeProvider.System, NullLogger<PendingWorkRescheduler>.Instance);
        var clock = Stopwatch.StartNew();
        await rescheduler.RescheduleAllAsync();
        var streamed = clock.Elapsed.TotalSeconds;

        clock.Restart();
        await using var db = loader.CreateContext();
        var after = Guid.Empty;
        var read = 0;
        while (true)
        {
            var batch = await db.Attempts.AsNoTracking()
                .Where(a => (a.Status == AttemptStatus.Scheduled || a.Status == AttemptStatus.OutcomeUnknown) && a.Id.CompareTo(after) > 0)
                .OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.Status, a.DueAt })
                .Take(10_000)
                .ToListAsync();
            read += batch.Count;
            if (batch.Count < 10_000)
            {
                break;
            }
            after = batch[^1].Id;
        }
        var keyset = clock.Elapsed.TotalSeconds;
        if (read != counter.Count)
        {
            throw new InvalidOperationException($"The two reads disagree: {counter.Count} streamed, {read} in pages.");
        }
        return (streamed, keyset);
    }

    private static async Task<(ResultTable Grid, ResultTable Size)> GridAsync(IReadOnlyList<int> chainCounts, JsonObject details)
    {
        var grid = new ResultTable($"Chains grid, first page of {PageSize} (ms over {Iterations} runs; count = the grid's total)",
            "chains", "query", "page p50", "page p95", "count p50", "count p95", "page+count p95", "load avg");
        var size = new ResultTable("Database size", "chains", "attempts", "bulk load (s)", "rows/s", "file (MB)", "attempts+indexes (MB)",
            "MB per 1M attempts (attempt tables)", "MB per 1M attempts (whole file)");
        var plans = new JsonObject();
        var dataDirectory = Directory.CreateTempSubdirectory("flexpay-bench-grid-").FullName;
        try
        {
            var loader = new BulkLoader(Path.Combine(dataDirectory, StorageOptions.DatabaseFileName));
            await loader.MigrateAsync();
            var chains = 0;
            var attempts = 0L;
            foreach (var target in chainCounts.Order())
            {
                Console.WriteLine($"[scale] loading chains up to {target} (load {Machine.LoadAverage()})");
                var loaded = await loader.LoadAsync(target - chains, allPending: false, seed: target);
                chains = target;
                attempts += loaded.Attempts;
                await loader.VerifyReadableAsync();
                await using (var db = loader.CreateContext())
                {
                    await db.Database.ExecuteSqlRawAsync("ANALYZE;");
                }

                foreach (var query in GridQueries)
                {
                    var (page, count, total) = await MeasureAsync(loader, query);
                    grid.Add(target, query.Name, page.P50, page.P95, count.P50, count.P95, total.P95, Machine.LoadAverage());
                    plans[$"{target} {query.Name}"] = await PlanAsync(loader, query);
                }

                var file = await loader.FileSizeAsync();
                var objects = await loader.SpaceByObjectAsync();
                var attemptBytes = objects.Where(o => o.Key == "Attempts" || o.Key.StartsWith("IX_Attempts", StringComparison.Ordinal)
                    || o.Key.StartsWith("sqlite_autoindex_Attempts", StringComparison.Ordinal)).Sum(o => o.Value);
                size.Add(target, attempts, loaded.Elapsed.TotalSeconds, (loaded.Chains + loaded.Attempts) / loaded.Elapsed.TotalSeconds, Mb(file),
                    objects.Count == 0 ? double.NaN : Mb(attemptBytes), objects.Count == 0 ? double.NaN : Mb(attemptBytes) / attempts * 1e6,
                    Mb(file) / attempts * 1e6);
                details[$"spaceByObject{target}"] = new JsonObject([.. objects.OrderByDescending(o => o.Value)
                    .Select(o => KeyValuePair.Create(o.Key, (JsonNode?)Math.Round(Mb(o.Value), 1)))]);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
        details["plans"] = plans;
        return (grid, size);
    }

    /// <summary>Each run opens its own DbContext, as each grid request does.</summary>
    private static async Task<(Stats Page, Stats Count, Stats Total)> MeasureAsync(BulkLoader loader, GridQuery query)
    {
        var page = new List<double>();
        var count = new List<double>();
        for (var i = -3; i < Iterations; i++)
        {
            await using var db = loader.CreateContext();
            var clock = Stopwatch.StartNew();
            var rows = await query.Order(query.Filter(db.Chains.AsNoTracking())).Take(PageSize).ToListAsync();
            var pageTime = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            _ = await query.Filter(db.Chains).CountAsync();
            var countTime = clock.Elapsed.TotalMilliseconds;
            if (rows.Count == 0)
            {
                throw new InvalidOperationException($"The grid query '{query.Name}' found nothing.");
            }
            if (i >= 0)
            {
                page.Add(pageTime);
                count.Add(countTime);
            }
        }
        return (new Stats(page), new Stats(count), new Stats(page.Zip(count, (a, b) => a + b)));
    }

    private static async Task<JsonNode> PlanAsync(BulkLoader loader, GridQuery query)
    {
        await using var db = loader.CreateContext();
        var sql = query.Order(query.Filter(db.Chains.AsNoTracking())).Take(PageSize).ToQueryString();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // ToQueryString declares parameters with .param set; replace them by their literal for EXPLAIN.
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)))
            .Replace("@p", "50", StringComparison.Ordinal).Replace("@__p_0", "50", StringComparison.Ordinal);
        var plan = new JsonArray();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }
        catch (SqliteException e)
        {
            plan.Add("(plan not available: " + e.Message + ")");
        }
        return new JsonObject { ["sql"] = sql, ["plan"] = plan };
    }

    private static async Task<T?> WaitForAsync<T>(Func<T?> probe, TimeSpan timeout)
        where T : class
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (probe() is { } value)
            {
                return value;
            }
            await Task.Delay(20);
        }
        return null;
    }

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    private sealed class CountingScheduler : IRecoveryScheduler
    {
        public int Count { get; private set; }

        public void ScheduleAttempt(Guid attemptId, DateTimeOffset runAt) => Count++;

        public void ScheduleRefundCheck(Guid refundId, DateTimeOffset runAt)
        {
        }
    }

    private sealed record GridQuery(
        string Name,
        Func<IQueryable<RecoveryChain>, IQueryable<RecoveryChain>> Filter,
        Func<IQueryable<RecoveryChain>, IOrderedQueryable<RecoveryChain>> Order);
}
