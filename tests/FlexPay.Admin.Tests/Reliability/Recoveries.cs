using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Testing;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Tests.Reliability;

/// <summary>Handing payments to a console through its API and reading back what became of them.</summary>
internal static class Recoveries
{
    /// <summary>Submits declined payments, a few at a time; returns the chains' ids.</summary>
    public static async Task<IReadOnlyList<string>> SubmitAsync(HttpClient api, IEnumerable<JsonObject> payloads)
    {
        using var gate = new SemaphoreSlim(6);
        var submissions = payloads.Select(async payload =>
        {
            await gate.WaitAsync();
            try
            {
                return await api.SubmitAsync(payload);
            }
            finally
            {
                gate.Release();
            }
        });
        return await Task.WhenAll(submissions);
    }

    /// <summary>Polls the chain list until every one of <paramref name="ids"/> is in <paramref name="state"/>.</summary>
    public static async Task<IReadOnlyList<JsonObject>> WaitUntilAllAsync(HttpClient api, IReadOnlyCollection<string> ids, string state, TimeSpan timeout)
    {
        var wanted = ids.ToHashSet();
        var chains = await Eventually.ReturnsAsync(
            async () => new ChainStates([.. (await api.GetFromJsonAsync<JsonArray>("api/v1/recoveries?limit=500"))!
                .Select(c => c!.AsObject()).Where(c => wanted.Contains((string)c["id"]!))]),
            found => found.Chains.Count == wanted.Count && found.Chains.All(c => (string?)c["state"] == state),
            $"all {wanted.Count} chains to reach {state}",
            timeout);
        return chains.Chains;
    }

    /// <summary>Chains as last read, described by how many are in each state.</summary>
    private sealed record ChainStates(IReadOnlyList<JsonObject> Chains)
    {
        public override string ToString() =>
            $"{Chains.Count} chains ({string.Join(", ", Chains.GroupBy(c => (string?)c["state"]).Select(g => $"{g.Key}: {g.Count()}"))})";
    }

    /// <summary>The attempts as stored, read straight from the console's SQLite file (readers never block it).</summary>
    public static async Task<IReadOnlyList<RecoveryAttempt>> StoredAttemptsAsync(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, StorageOptions.DatabaseFileName);
        await using var db = new FlexPayDbContext(new DbContextOptionsBuilder<FlexPayDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
        return await db.Attempts.AsNoTracking().ToListAsync();
    }

    public static DateTimeOffset Instant(JsonNode? node) => DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture);

    public static JsonObject Payment(long amount, DateTimeOffset declinedAt) => Payloads.DeclinedPayment(amount, declinedAt: declinedAt);
}

/// <summary>
/// The sandbox's processed charges held against the console's chains: each retry must have reached FlexPay
/// exactly once (no merchantTransactionId twice, no chain/retryCount pair twice, none missing) and never
/// before its due time.
/// </summary>
internal sealed class ChargeLedger
{
    public ChargeLedger(IReadOnlyList<JsonObject> processedCharges, IReadOnlyList<JsonObject> chains)
    {
        var attempts = chains.SelectMany(c => c["attempts"]!.AsArray().Select(a => (Chain: c, Attempt: a!.AsObject()))).ToList();
        var byId = attempts.ToDictionary(a => (string)a.Attempt["merchantTransactionId"]!);
        Sent = processedCharges.Count;
        DuplicateIds = processedCharges.GroupBy(c => (string?)c["merchantTransactionId"]).Sum(g => g.Count() - 1);
        DoubledRetries = processedCharges.GroupBy(c => ((string?)c["orderId"], (long?)c["retryCount"])).Sum(g => g.Count() - 1);
        var received = processedCharges.Select(c => (string?)c["merchantTransactionId"]).ToHashSet();
        // Every attempt the console sent or answered must be among the processed charges.
        Lost = attempts.Count(a => (string?)a.Attempt["status"] is not ("Scheduled" or "Cancelled") && !received.Contains((string)a.Attempt["merchantTransactionId"]!));
        Unknown = processedCharges.Count(c => !byId.ContainsKey((string)c["merchantTransactionId"]!));
        Early = processedCharges.Count(c => byId.TryGetValue((string)c["merchantTransactionId"]!, out var a)
            && Recoveries.Instant(c["receivedAt"]) < Recoveries.Instant(a.Attempt["dueAt"]));
    }

    public int Sent { get; }

    public int DuplicateIds { get; }

    public int DoubledRetries { get; }

    public int Lost { get; }

    /// <summary>Charges the console has no attempt for.</summary>
    public int Unknown { get; }

    public int Early { get; }

    public override string ToString() =>
        $"retries sent {Sent}, duplicate ids {DuplicateIds}, doubled chain/retryCount {DoubledRetries}, lost {Lost}, unknown {Unknown}, early {Early}";

    public void AssertExactlyOnceAndNeverEarly()
    {
        Assert.Equal(0, DuplicateIds);
        Assert.Equal(0, DoubledRetries);
        Assert.Equal(0, Lost);
        Assert.Equal(0, Unknown);
        Assert.Equal(0, Early);
    }
}
