using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Testing;

namespace FlexPay.Admin.Tests.Api;

/// <summary>
/// Text that hides or reorders what staff read (control, bidirectional-override and zero-width characters) is a 400
/// naming the field at every way in of the REST API, and so is an amount above its currency's maximum.
/// </summary>
public sealed class HostileTextTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Theory]
    [InlineData("orderId", "INV-\u202E1001", "OrderId")]
    [InlineData("customerId", "cust\u200B42", "CustomerId")]
    [InlineData("description", "Monthly \u2066plan\u2069", "Description")]
    [InlineData("card.firstName", "Ja\u200Dne", "Card.FirstName")]
    [InlineData("card.lastName", "Doe\u0007", "Card.LastName")]
    [InlineData("initialDecline.message", "Do not \u202Bhonor", "InitialDecline.Message")]
    public async Task Intake_refuses_hidden_characters_naming_the_field(string member, string text, string field)
    {
        var payload = Payloads.DeclinedPayment();
        if (member.Split('.') is [var parent, var child])
        {
            payload[parent]![child] = text;
        }
        else
        {
            payload[member] = text;
        }

        await AssertRefusedAsync(await Api.PostAsJsonAsync("/api/v1/recoveries", payload), field);
        Assert.Empty(await Api.GetFromJsonAsync<JsonArray>($"/api/v1/recoveries?orderId={payload["orderId"]}") ?? []);
    }

    [Fact]
    public async Task Intake_refuses_ten_billion_yen_and_takes_the_documented_maximum_apart()
    {
        await AssertRefusedAsync(await Api.PostAsJsonAsync("/api/v1/recoveries", Payloads.DeclinedPayment(amount: 10_000_000_000, currency: "JPY")), "Amount");
        await AssertRefusedAsync(await Api.PostAsJsonAsync("/api/v1/recoveries", Payloads.DeclinedPayment(amount: 150_000_001, currency: "JPY")), "Amount");
    }

    [Theory]
    [InlineData("name", "MID\u202Enotsob", "Name")]
    [InlineData("name", "MID\u200BBoston", "Name")]
    [InlineData("merchantAccountReferenceId", "MID-\u20601", "MerchantAccountReferenceId")]
    public async Task A_gateway_that_could_display_as_another_is_refused_naming_the_field(string member, string text, string field)
    {
        var gateway = new JsonObject { ["name"] = "MID-" + Guid.NewGuid().ToString("N")[..8], ["gatewayType"] = "nmi", ["currencyCode"] = "USD" };
        using var created = await Api.PostAsJsonAsync("/api/v1/gateways", gateway);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        gateway["name"] = "MID-" + Guid.NewGuid().ToString("N")[..8];
        gateway[member] = text;

        await AssertRefusedAsync(await Api.PostAsJsonAsync("/api/v1/gateways", gateway), field);
        await AssertRefusedAsync(await Api.PutAsJsonAsync($"/api/v1/gateways/{id}", new JsonObject { [member] = text }), field);
        Assert.DoesNotContain(text, await Api.GetStringAsync("/api/v1/gateways"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Goodwill\u202E")]
    [InlineData("Good\u200Bwill")]
    [InlineData("Goodwill\u0000")]
    public async Task A_refund_or_cancel_without_a_plain_reason_is_refused_naming_it(string? reason)
    {
        var id = Guid.NewGuid();

        await AssertRefusedAsync(await Api.PostAsJsonAsync($"/api/v1/recoveries/{id}/refunds", new { amount = 100, reason }), "Reason");
        await AssertRefusedAsync(await Api.PostAsJsonAsync($"/api/v1/recoveries/{id}/cancel", new { reason }), "Reason");
    }

    [Fact]
    public async Task A_refund_reason_longer_than_500_characters_is_refused()
    {
        using var response = await Api.PostAsJsonAsync($"/api/v1/recoveries/{Guid.NewGuid()}/refunds", new { reason = new string('r', 501) });

        await AssertRefusedAsync(response, "Reason");
    }

    private HttpClient Api { get; } = app.CreateApiClient();

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
            Assert.Equal([field], errors.Select(e => e.Key));
        }
    }
}
