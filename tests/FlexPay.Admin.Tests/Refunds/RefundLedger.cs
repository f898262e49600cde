using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Testing;

namespace FlexPay.Admin.Tests.Refunds;

/// <summary>The refunds FlexPay's sandbox approved, per refunded transaction: what a customer was actually given back.</summary>
internal static class RefundLedger
{
    public static async Task<IReadOnlyList<JsonObject>> ApprovedRefundsAsync(this SandboxServer sandbox) =>
        [.. (await sandbox.LogAsync()).Where(e => ((string?)e["path"])?.EndsWith("/refund", StringComparison.Ordinal) == true
            && (string?)e["responseCode"] == "10000")];

    /// <summary>"transaction: refunds (amounts)" per refunded transaction, for the test output.</summary>
    public static string Describe(IReadOnlyList<JsonObject> refunds) =>
        refunds.Count == 0 ? "no refunds" : string.Join("; ", refunds.GroupBy(r => (string?)r["path"]).Select(g =>
            $"{g.Key}: {g.Count()} refund(s) ({string.Join(" + ", g.Select(r => (long?)r["amount"]))})"));

    /// <summary>A recovered chain of <paramref name="amount"/> minor units (the sandbox approves the first retry of 2401).</summary>
    public static async Task<string> RecoveredChainAsync(HttpClient api)
    {
        var id = await api.SubmitAsync(Payloads.DeclinedPayment(2401, declinedAt: DateTimeOffset.UtcNow));
        await Reliability.Recoveries.WaitUntilAllAsync(api, [id], "Recovered", TimeSpan.FromSeconds(90));
        return id;
    }

    public static async Task<JsonObject> ChainAsync(HttpClient api, string id) =>
        (await api.GetFromJsonAsync<JsonObject>($"api/v1/recoveries/{id}"))!;
}
