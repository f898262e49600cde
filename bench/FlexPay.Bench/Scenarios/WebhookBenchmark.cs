using System.Text.Json.Nodes;
using FlexPay.Bench.Harness;
using FlexPay.Core.Persistence;
using FlexPay.Core.Webhooks;
using FlexPay.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Bench.Scenarios;

/// <summary>
/// Webhooks: the burst (N retries due at one instant, all approved) run on fresh consoles, without a webhook endpoint, with
/// one that wants <c>recovery.recovered</c> at a receiver on 127.0.0.1, and without again (the first run of a process
/// also pays for its compilation): every recovery must reach the receiver, and the retries must drain as fast as
/// without it (deliveries run on their own worker, never on the retries').
/// </summary>
internal static class WebhookBenchmark
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(int count)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var runs = new List<(RunResult Result, Deliveries? Deliveries)>();
        foreach (var withEndpoint in (bool[])[false, true, false])
        {
            var name = withEndpoint ? "with an endpoint" : "no endpoint";
            Console.WriteLine($"[webhooks] {count} retries due at one instant, {name} (load {Machine.LoadAverage()})");
            receiver.Clear();
            Deliveries? deliveries = null;
            var extras = withEndpoint
                ? new RunExtras(
                    services => RegisterAsync(services, receiver),
                    async (services, firstDue) => (deliveries = await WaitForDeliveriesAsync(services, receiver, count, firstDue)).ToJson())
                : null;
            var result = await RetryRun.ExecuteAsync(sandbox, name, new Dictionary<string, string?>(),
                start => [.. Enumerable.Repeat(start, count)], timeout: TimeSpan.FromMinutes(5), extras);
            await sandbox.ClearLogAsync();
            runs.Add((result, deliveries));
            Console.WriteLine($"[webhooks] {name}: last answer {result.DrainTime?.TotalSeconds:0.00} s after the instant"
                + (deliveries is null ? "" : $"; last delivery {deliveries.LastDeliveredAfter.TotalSeconds:0.00} s, {deliveries.Received} events received"));
        }

        var table = new ResultTable($"Webhooks: {count} recoveries at one instant, each a recovery.recovered event",
            "run", "retries answered", "last answer (s)", "attempts/s", "p99 lateness (ms)", "early", "dup", "missing",
            "events received", "duplicated", "lost", "bad signatures", "last delivery (s)", "after last answer (s)", "event->delivered p50 (ms)", "p99 (ms)",
            "load before", "load after");
        foreach (var (r, d) in runs)
        {
            var drain = r.DrainTime?.TotalSeconds ?? double.NaN;
            table.Add(r.Name, r.Lateness.Count, drain, r.Lateness.Count / drain, r.Lateness.P99, r.Early, r.Duplicates, r.Missing,
                (object?)d?.Received ?? "-", (object?)d?.Duplicated ?? "-", (object?)d?.Lost ?? "-", (object?)d?.BadSignatures ?? "-",
                d?.LastDeliveredAfter.TotalSeconds ?? double.NaN, d is null || r.LastAnswered is null ? double.NaN : (d.LastDeliveredAt - r.LastAnswered.Value).TotalSeconds,
                d?.Latency.P50 ?? double.NaN, d?.Latency.P99 ?? double.NaN, r.LoadBefore, r.LoadAfter);
        }
        Console.WriteLine();
        Console.WriteLine(table.Render());
        var path = ResultTable.Write("webhooks", [table], new JsonObject
        {
            ["count"] = count,
            ["runs"] = new JsonArray([.. runs.Select(r => (JsonNode)r.Result.ToJson())]),
        });
        Console.WriteLine($"Written to {path}");
    }

    private static async Task RegisterAsync(IServiceProvider services, WebhookReceiver receiver)
    {
        var created = await services.GetRequiredService<WebhookService>().CreateAsync(
            new WebhookDraft { Url = receiver.Url.AbsoluteUri, Events = [WebhookEventTypes.RecoveryRecovered], Description = "bench receiver" });
        receiver.Secret = created.Secret ?? throw new InvalidOperationException(string.Join("; ", created.Validation.Errors));
    }

    /// <summary>Waits until the console has every delivery marked delivered (or the timeout), then reads both sides.</summary>
    private static async Task<Deliveries> WaitForDeliveriesAsync(IServiceProvider services, WebhookReceiver receiver, int count, DateTimeOffset firstDue)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>();
        var deadline = DateTimeOffset.UtcNow + DeliveryTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            if (await db.WebhookDeliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Delivered) >= count)
            {
                break;
            }
            await Task.Delay(250);
        }
        await using var read = await dbFactory.CreateDbContextAsync();
        var stored = await read.WebhookDeliveries.AsNoTracking().Select(d => new { d.EventId, d.DeliveredAt, d.Event.CreatedAt }).ToListAsync();
        // The warm-up's recoveries were emitted before the endpoint existed: the events meant for it are those with a delivery.
        var emitted = stored.Select(d => d.EventId).ToHashSet();
        var posts = receiver.Posts.ToList();
        var received = posts.Select(p => p.EventId).ToHashSet();
        var delivered = stored.Where(d => d.DeliveredAt is not null).ToList();
        var lastDeliveredAt = delivered.Count == 0 ? firstDue : delivered.Max(d => d.DeliveredAt!.Value);
        return new Deliveries(
            emitted.Count,
            delivered.Count,
            received.Count,
            posts.Count - received.Count,
            emitted.Count(id => !received.Contains(id)),
            posts.Count(p => !p.SignatureValid),
            lastDeliveredAt,
            lastDeliveredAt - firstDue,
            new Stats(delivered.Select(d => (d.DeliveredAt!.Value - d.CreatedAt).TotalMilliseconds)));
    }

    /// <summary>
    /// The deliveries of one run: events emitted, marked delivered by the console, received (distinct ids) and received
    /// more than once by the receiver, emitted but never received, and from event to delivery.
    /// </summary>
    private sealed record Deliveries(
        int Emitted, int MarkedDelivered, int Received, int Duplicated, int Lost, int BadSignatures,
        DateTimeOffset LastDeliveredAt, TimeSpan LastDeliveredAfter, Stats Latency)
    {
        public JsonObject ToJson() => new()
        {
            ["emitted"] = Emitted,
            ["markedDelivered"] = MarkedDelivered,
            ["received"] = Received,
            ["duplicated"] = Duplicated,
            ["lost"] = Lost,
            ["badSignatures"] = BadSignatures,
            ["lastDeliveredAfterInstantSeconds"] = LastDeliveredAfter.TotalSeconds,
            ["eventToDeliveredMs"] = new JsonObject { ["p50"] = Latency.P50, ["p95"] = Latency.P95, ["p99"] = Latency.P99, ["max"] = Latency.Max },
        };
    }
}
