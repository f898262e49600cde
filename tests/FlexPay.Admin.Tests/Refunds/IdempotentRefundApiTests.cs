using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Testing;
using Microsoft.AspNetCore.Hosting;

namespace FlexPay.Admin.Tests.Refunds;

/// <summary>
/// The refund endpoint under an Idempotency-Key, in one process with its embedded sandbox: a retry gets the first
/// request's refund (while FlexPay still holds it too), a reused key with another body is refused, a slow FlexPay
/// is answered 202 with a refund to poll, and concurrent refunds never refund more than was charged.
/// </summary>
public sealed class IdempotentRefundApiTests(IdempotentRefundApiTests.ShortWaitAppFactory app) : IClassFixture<IdempotentRefundApiTests.ShortWaitAppFactory>, IAsyncLifetime
{
    /// <summary>Recoveries that end within a test; a refund request waits one second for FlexPay's answer.</summary>
    public sealed class ShortWaitAppFactory : QuickRetryAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Recovery:RefundAnswerWait", "00:00:01");
        }
    }

    public Task InitializeAsync() => SetSandboxDelayAsync(null);

    public Task DisposeAsync() => SetSandboxDelayAsync(null);

    [Fact]
    public async Task The_same_key_and_body_sent_again_gets_the_same_refund_and_flexpay_refunds_once()
    {
        using var api = app.CreateApiClient();
        var id = await RecoveredAsync(api);

        using var first = await RefundAsync(api, id, "key-same-1", 1000, "Goodwill");
        using var again = await RefundAsync(api, id, "key-same-1", 1000, "Goodwill");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
        var made = await first.Content.ReadFromJsonAsync<JsonObject>();
        var replayed = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((string?)made!["id"], (string?)replayed!["id"]);
        Assert.Equal("Approved", (string?)replayed["status"]);
        Assert.Single(await RefundsAtSandboxAsync((string)made["merchantTransactionId"]!));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_naming_the_conflict()
    {
        using var api = app.CreateApiClient();
        var id = await RecoveredAsync(api);
        using var first = await RefundAsync(api, id, "key-conflict-1", 1000, "Goodwill");

        using var other = await RefundAsync(api, id, "key-conflict-1", 1500, "Goodwill");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Contains("key-conflict-1", (string?)(await other.Content.ReadFromJsonAsync<JsonObject>())!["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tab\tinside")]
    [InlineData("del\u007f")]
    public async Task A_key_that_is_not_printable_ascii_is_a_400_problem(string key)
    {
        using var api = app.CreateApiClient();
        using var request = RefundRequest(Guid.NewGuid().ToString(), 1000, "Goodwill");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        using var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_a_400_problem()
    {
        using var api = app.CreateApiClient();

        using var response = await RefundAsync(api, Guid.NewGuid().ToString(), new string('k', 256), 1000, "Goodwill");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_refund_flexpay_holds_is_a_202_to_poll_and_a_retry_meanwhile_gets_the_same_refund()
    {
        using var api = app.CreateApiClient();
        var id = await RecoveredAsync(api);
        await SetSandboxDelayAsync(TimeSpan.FromSeconds(4));

        using var first = await RefundAsync(api, id, "key-slow-1", 1000, "Goodwill");
        using var retried = await RefundAsync(api, id, "key-slow-1", 1000, "Goodwill");
        await SetSandboxDelayAsync(null);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var accepted = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Sending", (string?)accepted["status"]);
        Assert.Equal($"/api/v1/recoveries/{id}/refunds/{accepted["id"]}", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(["true"], retried.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal((string?)accepted["id"], (string?)(await retried.Content.ReadFromJsonAsync<JsonObject>())!["id"]);
        var polled = await Eventually.ReturnsAsync(
            async () => (await api.GetFromJsonAsync<JsonObject>(first.Headers.Location!.OriginalString))!,
            refund => (string?)refund["status"] == "Approved",
            "the refund FlexPay held to be approved");
        Assert.Equal((string?)accepted["id"], (string?)polled["id"]);
        Assert.Single(await RefundsAtSandboxAsync((string)accepted["merchantTransactionId"]!));
    }

    [Fact]
    public async Task Concurrent_requests_under_one_key_all_get_the_one_refund_it_made()
    {
        using var api = app.CreateApiClient();
        var id = await RecoveredAsync(api);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var response = await RefundAsync(api, id, $"key-together-{id}", 700, "Together");
            return (response.StatusCode, Refund: (await response.Content.ReadFromJsonAsync<JsonObject>())!);
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var refund = Assert.Single(answers.Select(a => (string?)a.Refund["id"]).Distinct());
        Assert.Equal(refund, (string?)Assert.Single((await api.GetFromJsonAsync<JsonObject>($"/api/v1/recoveries/{id}"))!["refunds"]!.AsArray())!["id"]);
        Assert.Single(await RefundsAtSandboxAsync((string)answers[0].Refund["merchantTransactionId"]!));
    }

    [Fact]
    public async Task Twenty_concurrent_refunds_with_their_own_keys_never_refund_more_than_the_charge()
    {
        using var api = app.CreateApiClient();
        var id = await RecoveredAsync(api);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await RefundAsync(api, id, $"key-burst-{id}-{i}", 600, "Burst");
            return response.StatusCode;
        }));

        Assert.All(answers, status => Assert.Contains(status, (HttpStatusCode[])[HttpStatusCode.Created, HttpStatusCode.Conflict]));
        var chain = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/recoveries/{id}"))!;
        var approved = chain["refunds"]!.AsArray().Where(r => (string?)r!["status"] == "Approved").Sum(r => (long)r!["amount"]!);
        var atSandbox = (await app.SandboxLogAsync()).Where(IsApprovedRefund)
            .Where(e => ((string?)e["merchantTransactionId"])?.StartsWith("rf-", StringComparison.Ordinal) == true)
            .Where(e => chain["refunds"]!.AsArray().Any(r => (string?)r!["merchantTransactionId"] == (string?)e["merchantTransactionId"]))
            .Sum(e => (long?)e["amount"] ?? 0);
        Assert.InRange(approved, 600, 2401);
        Assert.Equal(approved, atSandbox);
        Assert.Equal(answers.Count(a => a == HttpStatusCode.Created), chain["refunds"]!.AsArray().Count);
    }

    private static async Task<string> RecoveredAsync(HttpClient api)
    {
        var id = await api.SubmitAsync(Payloads.DeclinedPayment(2401));
        await api.WaitForStateAsync(id, "Recovered");
        return id;
    }

    private static HttpRequestMessage RefundRequest(string id, long amount, string reason) =>
        new(HttpMethod.Post, $"/api/v1/recoveries/{id}/refunds") { Content = JsonContent.Create(new { amount, reason }) };

    private static async Task<HttpResponseMessage> RefundAsync(HttpClient api, string id, string key, long amount, string reason)
    {
        using var request = RefundRequest(id, amount, reason);
        request.Headers.Add("Idempotency-Key", key);
        return await api.SendAsync(request);
    }

    private async Task<IReadOnlyList<JsonObject>> RefundsAtSandboxAsync(string merchantTransactionId) =>
        [.. (await app.SandboxLogAsync()).Where(e => IsApprovedRefund(e) && (string?)e["merchantTransactionId"] == merchantTransactionId)];

    private static bool IsApprovedRefund(JsonObject entry) =>
        ((string?)entry["path"])?.EndsWith("/refund", StringComparison.Ordinal) == true && (string?)entry["responseCode"] == "10000";

    private async Task SetSandboxDelayAsync(TimeSpan? delay)
    {
        using var client = app.CreateClient();
        using var response = await client.PutAsJsonAsync("/sandbox/_faults", new
        {
            timeoutRate = delay is null ? 0 : 1,
            timeoutDelay = (delay ?? TimeSpan.FromSeconds(1)).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        });
        response.EnsureSuccessStatusCode();
    }
}
