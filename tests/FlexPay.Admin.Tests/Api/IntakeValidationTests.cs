using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FlexPay.Testing;

namespace FlexPay.Admin.Tests.Api;

/// <summary>Bad input gets a problem document naming each field, and nothing is stored or sent.</summary>
public sealed class IntakeValidationTests(QuickRetryAppFactory app) : IClassFixture<QuickRetryAppFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task An_unknown_or_missing_key_gets_401(string? key)
    {
        using var client = app.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        using var response = await client.PostAsJsonAsync("/api/v1/recoveries", Payloads.DeclinedPayment());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Each_bad_field_is_named_and_nothing_is_stored_or_sent()
    {
        using var api = app.CreateApiClient();
        var payload = Payloads.DeclinedPayment().With("orderId", null).With("amount", -5).With("currency", "XXX").With("email", "nope");
        payload["card"]!["number"] = "4920201996449561";

        using var response = await api.PostAsJsonAsync("/api/v1/recoveries", payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["Amount", "Card.Number", "Currency", "Email", "OrderId"], errors.Select(e => e.Key).Order());
        await AssertNothingStoredAsync(api, payload);
    }

    [Theory]
    [InlineData("amount", "\"twenty\"")]
    [InlineData("amount", "99999999999999999999999")]
    [InlineData("initialDecline", "\"yesterday\"")]
    [InlineData("card", "[1,2]")]
    public async Task A_wrongly_typed_field_is_named(string member, string json)
    {
        using var api = app.CreateApiClient();
        var payload = Payloads.DeclinedPayment();
        var raw = payload.ToJsonString().Replace($"\"{member}\":", $"\"{member}\":{json},\"_ignored\":", StringComparison.Ordinal);

        using var response = await api.PostAsync("/api/v1/recoveries", new StringContent(raw, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.StartsWith(member, Assert.Single(errors).Key, StringComparison.Ordinal);
        await AssertNothingStoredAsync(api, payload);
    }

    [Fact]
    public async Task An_oversize_body_gets_413()
    {
        using var api = app.CreateApiClient();
        var payload = Payloads.DeclinedPayment().With("description", new string('a', 40_000));

        using var response = await api.PostAsJsonAsync("/api/v1/recoveries", payload);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync(api, payload);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415()
    {
        using var api = app.CreateApiClient();

        using var response = await api.PostAsync("/api/v1/recoveries", new StringContent("amount=5", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_ids_and_states_are_explained()
    {
        using var api = app.CreateApiClient();

        using var missing = await api.GetAsync($"/api/v1/recoveries/{Guid.NewGuid()}");
        using var badState = await api.GetAsync("/api/v1/recoveries?state=Lost");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        Assert.Contains("Scheduled", await badState.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_intake_api()
    {
        using var client = app.CreateClient();

        var document = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

        Assert.NotNull(document["paths"]!["/api/v1/recoveries"]);
        Assert.NotNull(document["paths"]!["/api/v1/recoveries/{id}/refunds"]);
        // The endpoints' typed results declare what they answer, so the document cannot drift from the code.
        Assert.Equal(["200", "201", "400", "401", "413", "415", "422", "503"], Responses(document, "/api/v1/recoveries", "post"));
        Assert.Equal(["201", "202", "400", "401", "404", "409", "422"], Responses(document, "/api/v1/recoveries/{id}/refunds", "post"));
        Assert.Equal(["200", "400", "401", "404", "409", "422"], Responses(document, "/api/v1/recoveries/{id}/cancel", "post"));
        Assert.Equal(["200", "401", "404"], Responses(document, "/api/v1/recoveries/{id}/refunds/{refundId}", "get"));
        Assert.All((string[])["/api/v1/recoveries/{id}/refunds", "/api/v1/recoveries/{id}/cancel"], path => Assert.Contains(
            document["paths"]![path]!["post"]!["parameters"]!.AsArray(), p => (string?)p!["name"] == "Idempotency-Key" && (string?)p["in"] == "header"));
        Assert.Equal(["201", "400", "401", "413", "415"], Responses(document, "/api/v1/gateways", "post"));
        Assert.Contains("RecoveryView", document["paths"]!["/api/v1/recoveries"]!["post"]!["responses"]!["201"]!.ToJsonString(), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Responses(JsonObject document, string path, string method) =>
        document["paths"]![path]![method]!["responses"]!.AsObject().Select(r => r.Key).Order(StringComparer.Ordinal);

    private async Task AssertNothingStoredAsync(HttpClient api, JsonObject payload)
    {
        var stored = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/recoveries?orderId={payload["orderId"]}"))!;
        Assert.Empty(stored);
        Assert.DoesNotContain(await app.SandboxLogAsync(), e => (string?)e["orderId"] == (string?)payload["orderId"]);
    }
}
