using System.Net;
using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Tests.Vault;

public sealed class Vault_stores_and_charges_payment_methods : SandboxTest
{
    private async Task<JsonNode> VaultAsync(JsonObject card)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "v1/paymentmethods",
            new JsonObject { ["paymentMethod"] = new JsonObject { ["customerId"] = "cust-1", ["creditCard"] = card } });
        Assert.Equal(HttpStatusCode.OK, status);
        return body!["transaction"]!;
    }

    private static JsonObject ChargeOf(string paymentMethodId, long amount = 1000) =>
        Build.Charge(amount).With("paymentMethod", null).With("paymentMethodId", paymentMethodId);

    [Fact]
    public async Task Created_card_is_stored_masked_and_readable()
    {
        var created = await VaultAsync(Build.Card());
        var id = (string)created["paymentMethod"]!["paymentMethodId"]!;

        var read = (await GetAsync($"v1/paymentmethods/{id}"))!["paymentMethod"]!;
        var list = (JsonArray)(await GetAsync("v1/paymentmethods"))!["paymentMethods"]!;

        Assert.Equal("10000", created.Code());
        Assert.Equal("Stored", (string?)read["storageState"]);
        Assert.Equal("492020******9560", (string?)read["creditCardNumber"]);
        Assert.Equal("cust-1", (string?)read["customerId"]);
        Assert.Equal(id, (string?)Assert.Single(list)!["paymentMethod"]!["paymentMethodId"]);
    }

    [Fact]
    public async Task Vaulted_card_follows_the_sandbox_rules()
    {
        var id = (string)(await VaultAsync(Build.Card()))["paymentMethod"]!["paymentMethodId"]!;

        var approved = await ChargeAsync(ChargeOf(id));
        var soft = await ChargeAsync(ChargeOf(id, 2008));

        Assert.Equal("10000", approved.Code());
        Assert.Equal(id, (string?)approved["paymentMethod"]!["paymentMethodId"]);
        Assert.Equal("20003", soft.Code());
        Assert.NotNull(soft.RetryDate());
    }

    [Fact]
    public async Task Vaulted_non_test_card_is_30016()
    {
        var id = (string)(await VaultAsync(Build.Card("4111111111111111")))["paymentMethod"]!["paymentMethodId"]!;

        var answer = await ChargeAsync(ChargeOf(id));

        Assert.Equal("30016", answer.Code());
    }

    [Fact]
    public async Task Redacted_card_is_50136_and_unknown_card_is_50134()
    {
        var id = (string)(await VaultAsync(Build.Card()))["paymentMethod"]!["paymentMethodId"]!;

        var (status, redacted) = await SendAsync(HttpMethod.Put, $"v1/paymentmethods/{id}/redact");
        var redactedCharge = await ChargeAsync(ChargeOf(id));
        var unknownCharge = await ChargeAsync(ChargeOf("NOSUCHPAYMENTMETHOD2345678"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Redacted", (string?)redacted!["transaction"]!["paymentMethod"]!["storageState"]);
        Assert.Equal("50136", redactedCharge.Code());
        Assert.Equal("50134", unknownCharge.Code());
    }

    [Fact]
    public async Task Update_changes_the_sent_fields_and_needs_one()
    {
        var id = (string)(await VaultAsync(Build.Card()))["paymentMethod"]!["paymentMethodId"]!;

        var (status, updated) = await SendAsync(HttpMethod.Put, $"v1/paymentmethods/{id}",
            new JsonObject { ["paymentMethod"] = new JsonObject { ["expiryYear"] = "2030", ["address1"] = "Street_Y" } });
        var (emptyStatus, empty) = await SendAsync(HttpMethod.Put, $"v1/paymentmethods/{id}", new JsonObject { ["paymentMethod"] = new JsonObject() });
        var charge = await ChargeAsync(ChargeOf(id));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("UpdatePaymentMethod", (string?)updated!["transaction"]!["transactionType"]);
        Assert.Equal("2030", (string?)updated["transaction"]!["paymentMethod"]!["expiryYear"]);
        Assert.NotEqual(HttpStatusCode.OK, emptyStatus);
        Assert.Contains("no editable field", (string?)empty!["message"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Y", (string?)charge["response"]!["avsCode"]);
    }

    [Fact]
    public async Task Invalid_card_length_is_50060_in_a_200()
    {
        var created = await VaultAsync(Build.Card("4920"));

        Assert.Equal("50060", created.Code());
    }

    [Fact]
    public async Task Unknown_payment_method_is_404()
    {
        var (status, _) = await SendAsync(HttpMethod.Get, "v1/paymentmethods/NOSUCHPAYMENTMETHOD2345678");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Gateway_stored_card_is_charged_like_a_test_card()
    {
        var request = Build.Charge(2008).With("paymentMethod", new JsonObject
        {
            ["gatewayPaymentMethodId"] = "cus_12345",
            ["merchantAccountReferenceId"] = "MID-1",
            ["firstSixDigits"] = "411111",
            ["lastFourDigits"] = "1111",
            ["fullName"] = "Jane Sample",
            ["address1"] = "Street_A",
        });

        var answer = await ChargeAsync(request);

        Assert.Equal("20003", answer.Code());
        Assert.Equal("A", (string?)answer["response"]!["avsCode"]);
        Assert.Equal("GatewayPaymentMethodId", (string?)answer["paymentMethod"]!["paymentMethodType"]);
        Assert.Equal("cus_12345", (string?)answer["paymentMethod"]!["gatewayPaymentMethodId"]);
        Assert.Equal("", (string?)answer["paymentMethod"]!["cvv"]);
    }
}

public sealed class Retain_on_success_stores_the_card : SandboxTest
{
    [Theory]
    [InlineData(1000, true, "Stored")]
    [InlineData(1000, false, "Cached")]
    [InlineData(2008, true, "Cached")]
    public async Task Storage_state_depends_on_retain_and_approval(long amount, bool retain, string state)
    {
        var answer = await ChargeAsync(Build.Charge(amount).With("retainOnSuccess", retain));

        Assert.Equal(state, (string?)answer["paymentMethod"]!["storageState"]);
    }

    [Fact]
    public async Task A_charged_card_can_be_charged_again_by_its_id()
    {
        var first = await ChargeAsync(Build.Charge().With("retainOnSuccess", true));
        var id = (string?)first["paymentMethod"]!["paymentMethodId"];

        var again = await ChargeAsync(Build.Charge().With("paymentMethod", null).With("paymentMethodId", id));

        Assert.Equal("10000", again.Code());
        Assert.Equal(id, (string?)again["paymentMethod"]!["paymentMethodId"]);
    }
}
