using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Testing;

namespace FlexPay.Admin.Tests.Api;

/// <summary>
/// The intake API's answers along a chain's life, through Hangfire and the embedded sandbox. Retries are a day apart
/// here, so nothing fires mid-test: when and with what each retry is sent is proven on the fake clock
/// (Core.Tests/Recovery/Engine), and a real console recovering through its retries in <c>EmbeddedSandboxStartupTests</c>.
/// </summary>
public sealed class RecoveryLifecycleTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Fact]
    public async Task A_payment_declined_by_the_merchant_is_answered_as_a_chain_whose_retry_1_is_due_a_first_retry_delay_later()
    {
        using var api = app.CreateApiClient();
        var declinedAt = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var payload = Payloads.DeclinedPayment(2402, declinedAt: declinedAt);

        using var created = await api.PostAsJsonAsync("/api/v1/recoveries", payload);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var chain = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"/api/v1/recoveries/{chain["id"]}", created.Headers.Location?.OriginalString);
        Assert.Equal("Scheduled", (string?)chain["state"]);
        var attempt = Assert.Single(chain["attempts"]!.AsArray())!;
        Assert.Equal(1, (int)attempt["retryCount"]!);
        Assert.Null((string?)attempt["referenceDataSent"]);
        Assert.Equal(declinedAt.AddHours(24), Instant(chain["nextRetryAt"]));
        Assert.Equal(declinedAt.AddHours(24), Instant(attempt["dueAt"]));
        Assert.DoesNotContain(await app.SandboxLogAsync(), e => (string?)e["orderId"] == (string?)payload["orderId"]);
    }

    [Fact]
    public async Task A_recovered_charge_is_refunded_partially_then_fully()
    {
        using var api = app.CreateApiClient();
        // Without a merchant's decline the payment goes through FlexPay at once (7500 approves).
        var id = await api.SubmitAsync(NotYetTried(7500));
        await api.WaitForStateAsync(id, "Recovered");

        using var partial = await api.PostAsJsonAsync($"/api/v1/recoveries/{id}/refunds", new { amount = 4000, reason = "Goodwill" });
        using var tooMuch = await api.PostAsJsonAsync($"/api/v1/recoveries/{id}/refunds", new { amount = 3501, reason = "Too much" });
        using var rest = await api.PostAsJsonAsync($"/api/v1/recoveries/{id}/refunds", new { reason = "Cancelled plan" });

        Assert.Equal(HttpStatusCode.Created, partial.StatusCode);
        Assert.Equal("Approved", (string?)(await partial.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Equal(HttpStatusCode.Conflict, tooMuch.StatusCode);
        Assert.Equal(3500, (long)(await rest.Content.ReadFromJsonAsync<JsonObject>())!["amount"]!);
        var view = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/recoveries/{id}"))!;
        Assert.Equal("Refunded", (string?)view["state"]);
        Assert.Equal(7500, (long)view["refundedAmount"]!);
    }

    [Fact]
    public async Task A_hard_decline_is_shown_as_a_failed_chain_with_no_next_retry()
    {
        using var api = app.CreateApiClient();
        var id = await api.SubmitAsync(NotYetTried(3016));

        var view = await api.WaitForStateAsync(id, "Failed");

        Assert.Equal("HardDecline", (string?)view["failure"]);
        Assert.Equal("30011", (string?)Assert.Single(view["attempts"]!.AsArray())!["responseCode"]);
        Assert.Null(view["nextRetryAt"]);
    }

    [Fact]
    public async Task A_cancelled_chain_is_shown_cancelled_with_no_next_retry_and_nothing_sent()
    {
        using var api = app.CreateApiClient();
        var payload = Payloads.DeclinedPayment(2008);
        var id = await api.SubmitAsync(payload);

        using var cancelled = await api.PostAsync($"/api/v1/recoveries/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var view = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/recoveries/{id}"))!;
        Assert.Equal("Cancelled", (string?)view["state"]);
        Assert.Null(view["nextRetryAt"]);
        Assert.Equal("Cancelled", (string?)Assert.Single(view["attempts"]!.AsArray())!["status"]);
        Assert.DoesNotContain(await app.SandboxLogAsync(), e => (string?)e["orderId"] == (string?)payload["orderId"]);
    }

    [Fact]
    public async Task Replaying_an_external_id_returns_the_same_chain_with_200()
    {
        using var api = app.CreateApiClient();
        var payload = Payloads.DeclinedPayment(1000);

        using var first = await api.PostAsJsonAsync("/api/v1/recoveries", payload);
        using var replay = await api.PostAsJsonAsync("/api/v1/recoveries", payload);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        var (a, b) = (await first.Content.ReadFromJsonAsync<JsonObject>(), await replay.Content.ReadFromJsonAsync<JsonObject>());
        Assert.Equal((string?)a!["id"], (string?)b!["id"]);
        var list = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/recoveries?orderId={payload["orderId"]}"))!;
        Assert.Single(list);
    }

    private static JsonObject NotYetTried(long amount)
    {
        var payload = Payloads.DeclinedPayment(amount);
        payload.Remove("initialDecline");
        return payload;
    }

    private static DateTimeOffset Instant(JsonNode? node) => DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture);
}
