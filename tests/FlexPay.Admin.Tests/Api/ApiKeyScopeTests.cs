using System.Net;
using System.Net.Http.Json;
using FlexPay.Admin.Api;
using FlexPay.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Api;

/// <summary>Each intake key does only what its scopes allow; wrong keys are logged without the key and slowed down.</summary>
public sealed class ApiKeyScopeTests(ApiKeyScopeTests.ScopedKeysConsole app) : IClassFixture<ApiKeyScopeTests.ScopedKeysConsole>
{
    public const string IntakeOnlyKey = "intake-only-key-0001";
    public const string ReadOnlyKey = "read-only-key-00001";
    public const string PlainKey = "plain-string-key-0001";
    public const int RefusedKeysPerMinute = 3;

    public sealed class ScopedKeysConsole : ConsoleAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in IntakeKeys.Entry(1, "billing", IntakeOnlyKey, ApiScopes.RecoveriesWrite)
                .Concat(IntakeKeys.Entry(2, "reporting", ReadOnlyKey, ApiScopes.RecoveriesRead)))
            {
                builder.UseSetting(key, value);
            }
            builder.UseSetting("Intake:ApiKeys:3", PlainKey);
            builder.UseSetting("Intake:RefusedKeysPerMinute", RefusedKeysPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task An_intake_only_key_hands_over_payments_but_cannot_refund_read_or_touch_gateways()
    {
        using var billing = app.CreateApiClient(IntakeOnlyKey);
        var id = await billing.SubmitAsync(Payloads.DeclinedPayment(2008));

        using var refund = await billing.PostAsJsonAsync($"/api/v1/recoveries/{id}/refunds", new { amount = 100, reason = "Goodwill" });
        using var read = await billing.GetAsync($"/api/v1/recoveries/{id}");
        using var export = await billing.GetAsync("/api/v1/recoveries/export.csv");
        using var gateways = await billing.GetAsync("/api/v1/gateways");
        using var disable = await billing.PostAsync($"/api/v1/gateways/{Guid.NewGuid()}/disable?confirm=true", null);

        foreach (var refused in (HttpResponseMessage[])[refund, read, export, gateways, disable])
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains(ApiScopes.RefundsWrite, await refund.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("API key 'billing' lacks the scope refunds:write", app.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_key_reads_recoveries_but_cannot_refund_cancel_or_hand_over()
    {
        using var full = app.CreateApiClient();
        var payment = Payloads.DeclinedPayment(2008);
        var id = await full.SubmitAsync(payment);
        using var reporting = app.CreateApiClient(ReadOnlyKey);

        using var read = await reporting.GetAsync($"/api/v1/recoveries/{id}");
        using var list = await reporting.GetAsync("/api/v1/recoveries?limit=5");
        using var searched = await reporting.GetAsync($"/api/v1/recoveries?q={((string)payment["orderId"]!)[..7].ToLowerInvariant()}");
        using var export = await reporting.GetAsync("/api/v1/recoveries/export.csv?state=scheduled");
        using var badFilter = await reporting.GetAsync("/api/v1/recoveries/export.csv?state=Nope&from=yesterday");
        using var refund = await reporting.PostAsJsonAsync($"/api/v1/recoveries/{id}/refunds", new { reason = "Goodwill" });
        using var cancel = await reporting.PostAsync($"/api/v1/recoveries/{id}/cancel", null);
        using var submit = await reporting.PostAsJsonAsync("/api/v1/recoveries", Payloads.DeclinedPayment(2008));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(id, await searched.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        var problem = await badFilter.Content.ReadAsStringAsync();
        Assert.Contains("\"state\"", problem, StringComparison.Ordinal);
        Assert.Contains("\"from\"", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refund.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
    }

    [Fact]
    public async Task A_plain_string_key_keeps_every_scope_for_now_and_is_logged_as_deprecated_by_its_fingerprint()
    {
        using var plain = app.CreateApiClient(PlainKey);

        using var refund = await plain.PostAsJsonAsync($"/api/v1/recoveries/{Guid.NewGuid()}/refunds", new { reason = "Goodwill" });
        using var gateways = await plain.GetAsync("/api/v1/gateways");

        Assert.Equal(HttpStatusCode.NotFound, refund.StatusCode);
        Assert.Equal(HttpStatusCode.OK, gateways.StatusCode);
        Assert.Contains($"plain key ({IntakeApiKey.Fingerprint(PlainKey)})", app.Logs.AllText, StringComparison.Ordinal);
        Assert.Contains("deprecated", app.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(PlainKey, app.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_keys_are_logged_by_fingerprint_and_past_the_limit_their_address_gets_429_with_retry_after()
    {
        const string Guessed = "guessed-key-123456";
        using var guesser = app.CreateApiClient(Guessed);
        guesser.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.50");
        using var sameAddress = app.CreateApiClient();
        sameAddress.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.50");
        using var otherAddress = app.CreateApiClient();
        otherAddress.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.50");

        var statuses = new List<HttpStatusCode>();
        for (var guess = 0; guess <= RefusedKeysPerMinute; guess++)
        {
            using var answer = await guesser.GetAsync("/api/v1/recoveries?limit=1");
            statuses.Add(answer.StatusCode);
        }
        using var throttled = await sameAddress.GetAsync("/api/v1/recoveries?limit=1");
        using var unaffected = await otherAddress.GetAsync("/api/v1/recoveries?limit=1");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, RefusedKeysPerMinute), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
        Assert.Contains($"API key refused: {IntakeApiKey.Fingerprint(Guessed)} from 203.0.113.50", app.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Guessed, app.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_api_endpoint_declares_the_scope_it_needs()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToList();

        Assert.True(endpoints.Count >= 13, $"Only {endpoints.Count} API endpoints found.");
        Assert.All(endpoints, e => Assert.True(
            e.Metadata.GetMetadata<RequiredScope>() is { Scope: { } scope } && ApiScopes.IsScope(scope),
            $"{e.DisplayName} declares no scope."));
    }
}
