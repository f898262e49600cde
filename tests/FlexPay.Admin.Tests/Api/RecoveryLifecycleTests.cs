using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Testing;

namespace FlexPay.Admin.Tests.Api;

/// <summary>
/// A declined payment handed over through the API, retried by Hangfire against the embedded sandbox: on SQLite
/// (<see cref="RecoveryLifecycleTests"/>) and on PostgreSQL (<see cref="RecoveryLifecycleOnPostgres"/>).
/// </summary>
public abstract class RecoveryLifecycleScenarios<TApp>(TApp app)
    where TApp : QuickRetryAppFactory
{
    [Fact]
    public async Task A_declined_payment_is_retried_at_flexpays_retry_date_and_recovered()
    {
        using var api = app.CreateApiClient();

        var id = await api.SubmitAsync(Payloads.DeclinedPayment(2402));
        var view = await api.WaitForStateAsync(id, "Recovered");

        var attempts = view["attempts"]!.AsArray();
        Assert.Equal([1, 2], attempts.Select(a => (int)a!["retryCount"]!));
        Assert.Equal((string?)attempts[0]!["referenceDataReceived"], (string?)attempts[1]!["referenceDataSent"]);
        Assert.Equal((string?)attempts[0]!["retryDate"], (string?)attempts[1]!["dueAt"]);
        var log = (await app.SandboxLogAsync()).Where(e => (string?)e["orderId"] == (string?)view["orderId"]).ToList();
        Assert.Equal(2, log.Count);
        var retryDate = DateTimeOffset.Parse((string)log[0]["retryDate"]!, System.Globalization.CultureInfo.InvariantCulture);
        var receivedAt = DateTimeOffset.Parse((string)log[1]["receivedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(receivedAt >= retryDate, $"Retry received at {receivedAt:O}, before its retry date {retryDate:O}.");
    }

    [Fact]
    public async Task A_recovered_charge_is_refunded_partially_then_fully()
    {
        using var api = app.CreateApiClient();
        var id = await api.SubmitAsync(Payloads.DeclinedPayment(7500));
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
    public async Task A_hard_decline_ends_the_chain_and_nothing_more_is_sent()
    {
        using var api = app.CreateApiClient();
        var id = await api.SubmitAsync(Payloads.DeclinedPayment(3016));

        var view = await api.WaitForStateAsync(id, "Failed");

        Assert.Equal("HardDecline", (string?)view["failure"]);
        Assert.Equal("30011", (string?)Assert.Single(view["attempts"]!.AsArray())!["responseCode"]);
        Assert.Null(view["nextRetryAt"]);
    }

    [Fact]
    public async Task A_cancelled_chain_sends_nothing_more()
    {
        using var api = app.CreateApiClient();
        var payload = Payloads.DeclinedPayment(2008, declinedAt: DateTimeOffset.UtcNow.AddSeconds(2));
        var id = await api.SubmitAsync(payload);

        using var cancelled = await api.PostAsync($"/api/v1/recoveries/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(4));

        var view = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/recoveries/{id}"))!;
        Assert.Equal("Cancelled", (string?)view["state"]);
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
}

/// <summary>The lifecycle with the console on its SQLite file.</summary>
public sealed class RecoveryLifecycleTests(QuickRetryAppFactory app)
    : RecoveryLifecycleScenarios<QuickRetryAppFactory>(app), IClassFixture<QuickRetryAppFactory>;

/// <summary>The same lifecycle with the console on PostgreSQL: its migrations, Hangfire.PostgreSql and the key ring in the database.</summary>
[Collection(PostgresServer.Collection)]
public sealed class RecoveryLifecycleOnPostgres(PostgresQuickRetryAppFactory app)
    : RecoveryLifecycleScenarios<PostgresQuickRetryAppFactory>(app), IClassFixture<PostgresQuickRetryAppFactory>;
