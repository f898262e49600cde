using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Testing;

namespace FlexPay.Admin.Tests.Api;

/// <summary>
/// <c>POST /api/v1/recoveries/{id}/move-to-gateway</c>: the billing system sends a recovery's next retries through
/// another of our gateways, and is refused (with the reason) when that gateway could not take them. Retries are a
/// day apart in <see cref="ConsoleAppFactory"/>, so the moved chains stay Scheduled and nothing is sent mid-test.
/// </summary>
public sealed class MoveToGatewayApiTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Fact]
    public async Task A_scheduled_recovery_moved_to_an_enabled_gateway_sends_its_next_retry_there()
    {
        using var api = app.CreateApiClient();
        var (id, token) = await api.CreateEnabledAsync("MID-move-usd", "USD");
        var chain = await api.SubmitAsync(Payloads.DeclinedPayment(2008));

        using var moved = await api.PostAsJsonAsync($"/api/v1/recoveries/{chain}/move-to-gateway", new { gateway = id });
        using var again = await api.PostAsJsonAsync($"/api/v1/recoveries/{chain}/move-to-gateway", new { gateway = token });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (moved.StatusCode, again.StatusCode));
        var view = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Scheduled", (string?)view["state"]);
        Assert.Equal(token, (string?)view["pinnedGatewayToken"]);
        var next = Assert.Single(view["attempts"]!.AsArray())!;
        Assert.Equal((1, token), ((int)next["retryCount"]!, (string?)next["gatewayTokenSent"]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("GW-0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task A_missing_or_oversize_gateway_is_a_400_naming_it(string? gateway)
    {
        using var api = app.CreateApiClient();
        var chain = await api.SubmitAsync(Payloads.DeclinedPayment(2008));

        using var response = await api.PostAsJsonAsync($"/api/v1/recoveries/{chain}/move-to-gateway", new { gateway });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]!["Gateway"]);
    }

    [Fact]
    public async Task A_gateway_not_managed_here_is_a_409_that_leaves_the_recovery_as_it_was()
    {
        using var api = app.CreateApiClient();
        var chain = await api.SubmitAsync(Payloads.DeclinedPayment(2008));

        using var response = await api.PostAsJsonAsync($"/api/v1/recoveries/{chain}/move-to-gateway", new { gateway = "GW-nobody-knows" });

        await AssertRefusedAsync(response, "neither the id nor the FlexPay token");
        var view = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/recoveries/{chain}"))!;
        Assert.Null((string?)view["pinnedGatewayToken"]);
    }

    [Fact]
    public async Task A_disabled_gateway_is_a_409_saying_it_would_decline_the_charge()
    {
        using var api = app.CreateApiClient();
        var (id, _) = await api.CreateEnabledAsync("MID-move-off", "USD");
        using (var disabled = await api.PostAsync($"/api/v1/gateways/{id}/disable?confirm=true", null))
        {
            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        }
        var chain = await api.SubmitAsync(Payloads.DeclinedPayment(2008));

        using var response = await api.PostAsJsonAsync($"/api/v1/recoveries/{chain}/move-to-gateway", new { gateway = id });

        await AssertRefusedAsync(response, "is disabled");
    }

    [Fact]
    public async Task A_gateway_that_does_not_take_the_recovery_s_currency_is_a_409_naming_the_currency()
    {
        using var api = app.CreateApiClient();
        var (id, _) = await api.CreateEnabledAsync("MID-move-eur", "EUR");
        var chain = await api.SubmitAsync(Payloads.DeclinedPayment(2008, currency: "USD"));

        using var response = await api.PostAsJsonAsync($"/api/v1/recoveries/{chain}/move-to-gateway", new { gateway = id });

        await AssertRefusedAsync(response, "does not take USD");
    }

    [Fact]
    public async Task A_recovery_that_is_neither_scheduled_nor_waiting_is_a_409()
    {
        using var api = app.CreateApiClient();
        var (id, _) = await api.CreateEnabledAsync("MID-move-late", "USD");
        var chain = await api.SubmitAsync(Payloads.DeclinedPayment(2008));
        using (var cancelled = await api.PostAsync($"/api/v1/recoveries/{chain}/cancel", null))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        using var response = await api.PostAsJsonAsync($"/api/v1/recoveries/{chain}/move-to-gateway", new { gateway = id });

        await AssertRefusedAsync(response, "this one is Cancelled");
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(reason, (string?)problem["detail"] ?? (string?)problem["title"], StringComparison.Ordinal);
    }
}
