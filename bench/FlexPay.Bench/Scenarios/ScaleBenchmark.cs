using System.Diagnostics;
using System.Text.Json.Nodes;
using FlexPay.Admin.Components.Pages.Recoveries;
using FlexPay.Bench.Harness;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Hangfire;
using Hangfire.Storage;

namespace FlexPay.Bench.Scenarios;

/// <summary>
/// Scale: start-up with many pending retries (time to all armed, peak memory, Hangfire's job count), the recoveries grid's own query
/// (<see cref="ChainSearch.ListAsync"/>) at 100,000 and 1,000,000 chains, and the database's size per million attempts.
/// </summary>
internal static class ScaleBenchmark
{
    private const int Iterations = 40;
    private const int PageSize = 25; // the recoveries page's RowsPerPage

    /// <summary>The recoveries page's sortable columns, as its grid names them in <see cref="ChainQuery.SortBy"/>.</summary>
    private static readonly string[] SortableColumns =
    [
        nameof(ChainRow.CreatedAt), nameof(ChainRow.OrderId), nameof(ChainRow.CustomerId), nameof(ChainRow.AmountMinor), nameof(ChainRow.State),
        nameof(ChainRow.NextAttemptDueAt),
    ];

    public static async Task RunAsync(int pending, IReadOnlyList<int> chainCounts)
    {
        var details = new JsonObject();
        var tables = new List<ResultTable>();
        if (pending > 0)
        {
            tables.Add(await RescheduleAsync(pending, details));
            Console.WriteLine(tables[^1].Render());
        }
        var (grid, size) = await GridAsync(chainCounts, details);
        Console.WriteLine(grid.Render());
        Console.WriteLine(size.Render());
        tables.AddRange([grid, size]);
        var path = ResultTable.Write("scale", tables, details);
        Console.WriteLine($"Written to {path}");
    }

    private static async Task<ResultTable> RescheduleAsync(int pending, JsonObject details)
    {
        var table = new ResultTable("Start-up with pending retries: listening, all armed, and what Hangfire holds",
            "pending", "attempt rows", "load (s)", "start->listening (s)", "start->all armed (s)", "rss before (MB)", "peak rss (MB)",
            "heap after (MB)", "hangfire jobs", "recurring jobs", "load avg");
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
                var (jobs, recurring) = HangfireJobs(console.Services);
                table.Add(count, loaded.Attempts, loaded.Elapsed.TotalSeconds, listening.TotalSeconds, rescheduled, Mb(rssBefore), Mb(peak), Mb(heap),
                    jobs, recurring, Machine.LoadAverage());
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

    /// <summary>What Hangfire holds once everything is armed: it must not grow with the number of pending retries.</summary>
    private static (long Jobs, int Recurring) HangfireJobs(IServiceProvider services)
    {
        var storage = services.GetRequiredService<JobStorage>();
        var monitoring = storage.GetMonitoringApi();
        var jobs = monitoring.ScheduledCount() + monitoring.ProcessingCount() + monitoring.Queues().Sum(q => monitoring.EnqueuedCount(q.Name));
        using var connection = storage.GetConnection();
        return (jobs, connection.GetRecurringJobs().Count);
    }

    private static async Task<(ResultTable Grid, ResultTable Size)> GridAsync(IReadOnlyList<int> chainCounts, JsonObject details)
    {
        var grid = new ResultTable($"Recoveries grid: ChainSearch.ListAsync, first page of {PageSize} with its total (ms over {Iterations} runs)",
            "chains", "case", "total", "p50", "p95", "load avg");
        var size = new ResultTable("Database size", "chains", "attempts", "bulk load (s)", "rows/s", "file (MB)", "attempts+indexes (MB)",
            "MB per 1M attempts (attempt tables)", "MB per 1M attempts (whole file)");
        var plans = new JsonObject();
        var dataDirectory = Directory.CreateTempSubdirectory("flexpay-bench-grid-").FullName;
        try
        {
            var queryPlans = new QueryPlans();
            var loader = new BulkLoader(Path.Combine(dataDirectory, StorageOptions.DatabaseFileName), queryPlans);
            await loader.MigrateAsync();
            // The page's own service, over contexts made as the console's factory makes them. No ANALYZE: the console never runs it.
            var search = new ChainSearch(loader);
            var chains = 0;
            var attempts = 0L;
            foreach (var target in chainCounts.Order())
            {
                Console.WriteLine($"[scale] loading chains up to {target} (load {Machine.LoadAverage()})");
                var loaded = await loader.LoadAsync(target - chains, allPending: false, seed: target);
                chains = target;
                attempts += loaded.Attempts;
                await loader.VerifyReadableAsync();

                foreach (var gridCase in GridCases(await SampleAsync(loader)))
                {
                    Console.WriteLine($"[scale] {target} chains: {gridCase.Name} (load {Machine.LoadAverage()})");
                    var (time, total) = await MeasureAsync(search, gridCase);
                    grid.Add(target, gridCase.Name, total, time.P50, time.P95, Machine.LoadAverage());
                    plans[$"{target} {gridCase.Name}"] = await queryPlans.ExplainAsync(() => search.ListAsync(gridCase.Query));
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

    /// <summary>
    /// What staff ask the grid: the first page unfiltered, each filter alone, each kind of search (and a miss), each sortable
    /// column both ways, filters combined, and the scheduled chains in the order they fall due. EUR and acme-eu hold about a quarter and a third of the loaded chains.
    /// </summary>
    private static IEnumerable<GridCase> GridCases(GridSample sample)
    {
        var week = new ChainFilter { CreatedFrom = sample.WeekStart, CreatedTo = sample.WeekStart.AddDays(6) };
        yield return new("newest first", new ChainFilter());
        yield return new("state = Scheduled", new ChainFilter { State = ChainState.Scheduled });
        yield return new("currency = EUR", new ChainFilter { Currency = "EUR" });
        yield return new("company = acme-eu", new ChainFilter { Company = "acme-eu" });
        yield return new("gateway token", new ChainFilter { Gateway = sample.GatewayToken });
        yield return new("created within 7 days", week);
        yield return new("search: order id", new ChainFilter { Search = sample.OrderId });
        yield return new("search: customer id", new ChainFilter { Search = sample.CustomerId });
        yield return new("search: merchantTransactionId", new ChainFilter { Search = sample.MerchantTransactionId });
        yield return new("search: FlexPay transactionId", new ChainFilter { Search = sample.TransactionId });
        yield return new("search: no match", new ChainFilter { Search = "INV-none-such" }, Finds: false);
        // What people type (docs/decisions/012): the start of an id in the other letter case, and of an e-mail.
        yield return new("search: order id prefix, lower case", new ChainFilter { Search = sample.OrderId[..^2].ToLowerInvariant() });
        yield return new("search: external id prefix, upper case", new ChainFilter { Search = sample.ExternalId[..^4].ToUpperInvariant() });
        yield return new("search: e-mail prefix", new ChainFilter { Search = sample.Email[..(sample.Email.IndexOf('@', StringComparison.Ordinal) + 2)] });
        yield return new("search: merchantTransactionId prefix", new ChainFilter { Search = sample.MerchantTransactionId[..^4].ToUpperInvariant() });
        yield return new("search: FlexPay transactionId prefix", new ChainFilter { Search = sample.TransactionId[..^3].ToLowerInvariant() });
        foreach (var column in SortableColumns)
        {
            yield return new($"sort {column} asc", new ChainFilter(), column, Descending: false);
            yield return new($"sort {column} desc", new ChainFilter(), column, Descending: true);
        }
        yield return new("state + currency + 7 days", week with { State = ChainState.Scheduled, Currency = "EUR" });
        yield return new("state = Scheduled, sort NextAttemptDueAt asc", new ChainFilter { State = ChainState.Scheduled }, nameof(ChainRow.NextAttemptDueAt));
    }

    /// <summary>Ids and a gateway token of a recovered chain created half-way through the loaded months, and the week it was created in.</summary>
    private static async Task<GridSample> SampleAsync(BulkLoader loader)
    {
        await using var db = loader.CreateDbContext();
        var first = await db.Chains.OrderBy(c => c.CreatedAt).Select(c => c.CreatedAt).FirstAsync();
        var last = await db.Chains.OrderByDescending(c => c.CreatedAt).Select(c => c.CreatedAt).FirstAsync();
        var middle = first + (last - first) / 2;
        var chain = await db.Chains.AsNoTracking()
            .Where(c => c.State == ChainState.Recovered && c.CreatedAt >= middle)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.OrderId, c.CustomerId, c.ExternalId, c.Email, c.CreatedAt })
            .FirstAsync();
        var attempt = await db.Attempts.AsNoTracking()
            .Where(a => a.ChainId == chain.Id && a.TransactionId != null)
            .OrderBy(a => a.RetryCount)
            .FirstAsync();
        return new GridSample(chain.OrderId, chain.CustomerId, chain.ExternalId, chain.Email!, attempt.MerchantTransactionId, attempt.TransactionId!, attempt.GatewayTokenUsed!,
            chain.CreatedAt.UtcDateTime.Date.AddDays(-3));
    }

    /// <summary>The whole ListAsync call, as the page makes it: its own DbContext, the total (COUNT) and the page.</summary>
    private static async Task<(Stats Time, int Total)> MeasureAsync(ChainSearch search, GridCase gridCase)
    {
        var times = new List<double>();
        var total = 0;
        for (var i = -3; i < Iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            var page = await search.ListAsync(gridCase.Query);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            total = page.Total;
            if (i >= 0)
            {
                times.Add(elapsed);
            }
        }
        if (total > 0 != gridCase.Finds)
        {
            throw new InvalidOperationException($"The grid case '{gridCase.Name}' found {total} chains.");
        }
        return (new Stats(times), total);
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

    private sealed record GridCase(string Name, ChainFilter Filter, string? SortBy = null, bool Descending = false, bool Finds = true)
    {
        public ChainQuery Query => new(0, PageSize, Filter, SortBy, Descending);
    }

    private sealed record GridSample(
        string OrderId, string CustomerId, string ExternalId, string Email, string MerchantTransactionId, string TransactionId, string GatewayToken, DateTime WeekStart);
}
