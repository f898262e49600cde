using FlexPay.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Sandbox;

namespace FlexPay.Admin.Tests.Api.Gateways;

/// <summary>The gateway REST API end to end: the app, its Hangfire timer and its embedded sandbox, over HTTP.</summary>
public sealed class GatewayApiTests : IAsyncDisposable
{
    private const string Password = "api-PASSWORD-never-returned";
    private static readonly TimeSpan SyncDeadline = TimeSpan.FromSeconds(60);

    private readonly ConsoleAppFactory _app = new();
    private readonly HttpClient _http;

    public GatewayApiTests() => _http = _app.CreateApiClient();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Create_enable_update_and_disable_round_trip_through_FlexPay_without_ever_returning_credentials()
    {
        using var created = await _http.PostAsJsonAsync("/api/v1/gateways", Gateway("MID-api", enabled: true));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadAsStringAsync();
        var id = (string)JsonNode.Parse(body)!["id"]!;
        Assert.Equal("default", (string?)JsonNode.Parse(body)!["company"]);

        var synced = await WaitForSyncAsync(id, g => (string?)g["flexPayToken"] is not null);
        var token = (string)synced["flexPayToken"]!;
        Assert.Equal("Enabled", (string?)synced["state"]);
        Assert.True((bool)synced["credentialsSet"]!);
        Assert.Equal(["password", "username"], synced["credentialKeys"]!.AsArray().Select(k => (string)k!));

        using var update = await _http.PutAsJsonAsync($"/api/v1/gateways/{id}", new { credentials = new { password = Password + "-2" }, weight = 4 });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        await WaitForSyncAsync(id, g => (int)g["weight"]! == 4);

        using var disable = await _http.PostAsync($"/api/v1/gateways/{id}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        await WaitForSyncAsync(id, g => (string?)g["state"] == "Disabled");

        var calls = (await _app.SandboxLogAsync())
            .Where(e => ((string?)e["path"])?.Contains("/v1/gateways", StringComparison.Ordinal) == true)
            .Select(e => $"{(string?)e["method"]} {(string?)e["gatewayStatus"]}").ToList();
        Assert.Equal(["POST Available", "PUT Available", "PUT RefundOnly"], calls);

        var everything = body + await _http.GetStringAsync("/api/v1/gateways") + await _http.GetStringAsync($"/api/v1/gateways/{id}")
            + await update.Content.ReadAsStringAsync() + await disable.Content.ReadAsStringAsync();
        Assert.Contains(token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, _app.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxOptions.DevelopmentApiKey, _app.Logs.AllText, StringComparison.Ordinal);
        Assert.Contains("/v1/gateways", _app.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_each_field_and_nothing_is_stored()
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/gateways", new
        {
            name = "",
            gatewayType = "bogus",
            currencyCode = "ZZZ",
            weight = -3,
            credentials = new Dictionary<string, string> { ["ok"] = Password },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["CurrencyCode", "GatewayType", "Name", "Weight"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("[]", await _http.GetStringAsync("/api/v1/gateways"));

        using var wrongType = await _http.PostAsync("/api/v1/gateways",
            new StringContent("""{"name":"x","gatewayType":"nmi","currencyCode":"USD","credentials":{"password":12}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("credentials", await wrongType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renaming_after_creation_and_disabling_with_bound_retries_are_409s()
    {
        using var created = await _http.PostAsJsonAsync("/api/v1/gateways", Gateway("MID-bound", enabled: true));
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var token = (string)(await WaitForSyncAsync(id, g => (string?)g["flexPayToken"] is not null))["flexPayToken"]!;

        using var rename = await _http.PutAsJsonAsync($"/api/v1/gateways/{id}", new { name = "MID-renamed" });
        Assert.Equal(HttpStatusCode.Conflict, rename.StatusCode);
        Assert.Contains("cannot change", await rename.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var recovery = await _http.PostAsJsonAsync("/api/v1/recoveries", Recovery(gatewayToken: id));
        Assert.Equal(HttpStatusCode.Created, recovery.StatusCode);
        var chainId = (string)(await recovery.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        using var refused = await _http.PostAsync($"/api/v1/gateways/{id}/disable", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(chainId, (string?)problem["boundChains"]![0]!["chainId"]);
        Assert.Equal("Enabled", (string?)(await _http.GetFromJsonAsync<JsonObject>($"/api/v1/gateways/{id}"))!["state"]);

        using var confirmed = await _http.PostAsync($"/api/v1/gateways/{id}/disable?confirm=true", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        await WaitForSyncAsync(id, g => (string?)g["state"] == "Disabled");
        Assert.Equal(token, (string?)(await _http.GetFromJsonAsync<JsonObject>($"/api/v1/recoveries/{chainId}"))!["pinnedGatewayToken"]);
    }

    [Fact]
    public async Task Reconcile_reports_a_gateway_made_only_at_FlexPay()
    {
        using var sandbox = new HttpClient { BaseAddress = _http.BaseAddress };
        sandbox.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Basic " + SandboxOptions.DevelopmentApiKey);
        using var made = await sandbox.PostAsJsonAsync("/sandbox/v1/gateways", new { gateway = new { name = "Portal-only", gatewayType = "stripe", currencyCode = "USD" } });
        made.EnsureSuccessStatusCode();

        using var response = await _http.PostAsync("/api/v1/gateways/reconcile", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var drift = Assert.Single((await response.Content.ReadFromJsonAsync<JsonObject>())!["drifts"]!.AsArray());
        Assert.Equal("MissingHere", (string?)drift!["kind"]);
        Assert.Equal("Portal-only", (string?)drift["name"]);
    }

    [Fact]
    public async Task Every_gateway_call_needs_the_api_key()
    {
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };
        using var response = await anonymous.GetAsync("/api/v1/gateways");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var post = await anonymous.PostAsJsonAsync("/api/v1/gateways", Gateway("MID-x", enabled: true));
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    private static object Gateway(string name, bool enabled) => new
    {
        name,
        gatewayType = "flexpay_sandbox",
        merchantAccountReferenceId = "REF-" + name,
        currencyCode = "USD",
        acceptedCurrencyCodes = new[] { "USD" },
        weight = 1,
        acceptRetries = true,
        cvvRequired = false,
        approvedChargeOrCaptureRateFee = 2.5,
        credentials = new Dictionary<string, string> { ["username"] = "merchant", ["password"] = Password },
        enabled,
    };

    private static object Recovery(string gatewayToken) => new
    {
        externalId = "ext-" + Guid.NewGuid().ToString("N"),
        orderId = "INV-1",
        customerId = "cust-1",
        email = "jane@example.com",
        amount = 1000,
        currency = "USD",
        gatewayToken,
        card = new
        {
            number = "4920201996449560", expiryMonth = "07", expiryYear = "2024", cvv = "879", firstName = "Jane", lastName = "Doe",
            address1 = "123 A St", postalCode = "84062", city = "Townsville", state = "UT", country = "US",
        },
        initialDecline = new { declinedAt = DateTimeOffset.UtcNow.AddMinutes(-1), code = "05", message = "Do not honor" },
    };

    /// <summary>Polls until the gateway is in sync and <paramref name="done"/> holds (Hangfire is a real timer here).</summary>
    private Task<JsonObject> WaitForSyncAsync(string id, Func<JsonObject, bool> done) =>
        Eventually.ReturnsAsync(
            async () => (await _http.GetFromJsonAsync<JsonObject>($"/api/v1/gateways/{id}"))!,
            gateway => (string?)gateway["sync"]!["state"] == "InSync" && done(gateway),
            $"gateway {id} to be in sync",
            SyncDeadline);
}
