using System.Net;
using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Tests.Gateways;

public sealed class Gateways_can_be_created_read_updated_and_deleted : SandboxTest
{
    [Fact]
    public async Task Created_gateway_has_a_token_and_is_listed()
    {
        var request = Build.Gateway("stripe", "EUR").With("weight", 3).With("acceptedCurrencyCodes", new JsonArray("EUR", "USD"));

        var id = await CreateGatewayAsync(request);
        var read = (await GetAsync($"v1/gateways/{id}"))!["gateway"]!;
        var list = (JsonArray)(await GetAsync("v1/gateways"))!["gateways"]!;

        Assert.Matches("^[A-Z2-7]{26}$", id);
        Assert.Equal((string?)request["name"], (string?)read["name"]);
        Assert.Equal("stripe", (string?)read["gatewayType"]);
        Assert.Equal("EUR", (string?)read["currencyCode"]);
        Assert.Equal("Available", (string?)read["status"]);
        Assert.Equal(3, (int)read["weight"]!);
        Assert.Equal(id, (string?)Assert.Single(list)!["id"]);
    }

    [Fact]
    public async Task Update_changes_only_what_is_sent()
    {
        var id = await CreateGatewayAsync(Build.Gateway().With("weight", 2));

        var (status, body) = await UpdateGatewayAsync(id, new JsonObject { ["status"] = "RefundOnly", ["merchantAccountReferenceId"] = "MAR-2" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("RefundOnly", (string?)body!["gateway"]!["status"]);
        Assert.Equal("MAR-2", (string?)body["gateway"]!["merchantAccountReferenceId"]);
        Assert.Equal(2, (int)body["gateway"]!["weight"]!);
        Assert.Equal("nmi", (string?)body["gateway"]!["gatewayType"]);
    }

    [Fact]
    public async Task Deleted_gateway_is_gone()
    {
        var id = await CreateGatewayAsync(Build.Gateway());

        var (deleted, _) = await SendAsync(HttpMethod.Delete, $"v1/gateways/{id}");
        var (read, body) = await SendAsync(HttpMethod.Get, $"v1/gateways/{id}");
        var charge = await ChargeAsync(Build.Charge().With("gatewayToken", id));

        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal(HttpStatusCode.NotFound, read);
        Assert.NotNull((string?)body!["message"]);
        Assert.Equal("50143", charge.Code());
        Assert.Empty((JsonArray)(await GetAsync("v1/gateways"))!["gateways"]!);
    }

    [Fact]
    public async Task Unknown_gateway_is_404_for_every_verb()
    {
        var (get, _) = await SendAsync(HttpMethod.Get, "v1/gateways/NOSUCHGATEWAY");
        var (put, _) = await UpdateGatewayAsync("NOSUCHGATEWAY", new JsonObject { ["weight"] = 1 });
        var (delete, _) = await SendAsync(HttpMethod.Delete, "v1/gateways/NOSUCHGATEWAY");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { get, put, delete });
    }
}

public sealed class Gateway_validation_rejects_bad_input_with_400 : SandboxTest
{
    public static TheoryData<string, JsonNode?, string> Cases => new()
    {
        { "name", null, "name" },
        { "gatewayType", "acme_pay", "50145" },
        { "currencyCode", null, "currencyCode" },
        { "status", "Paused", "status" },
        { "weight", "heavy", "weight" },
        { "settings", "password", "settings" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Invalid_gateway_is_400_with_a_clear_message(string field, JsonNode? value, string mentioned)
    {
        var (status, body) = await SendAsync(
            HttpMethod.Post, "v1/gateways", new JsonObject { ["gateway"] = Build.Gateway().With(field, value) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(mentioned, (string?)body!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Name_cannot_be_changed()
    {
        var id = await CreateGatewayAsync(Build.Gateway());

        var (status, body) = await UpdateGatewayAsync(id, new JsonObject { ["name"] = "Renamed" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("name", (string?)body!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_the_same_name_on_update_is_accepted()
    {
        var request = Build.Gateway();
        var id = await CreateGatewayAsync(request);

        var (status, _) = await UpdateGatewayAsync(id, new JsonObject { ["name"] = (string?)request["name"], ["weight"] = 5 });

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Rejected_update_changes_nothing()
    {
        var id = await CreateGatewayAsync(Build.Gateway());

        await UpdateGatewayAsync(id, new JsonObject { ["weight"] = 9, ["status"] = "Paused" });

        Assert.Equal(1, (int)(await GetAsync($"v1/gateways/{id}"))!["gateway"]!["weight"]!);
    }
}

public sealed class Gateway_settings_are_write_only : SandboxTest
{
    [Fact]
    public async Task Responses_list_setting_keys_but_never_their_values()
    {
        var (_, created) = await SendAsync(HttpMethod.Post, "v1/gateways", new JsonObject { ["gateway"] = Build.Gateway() });
        var id = (string)created!["gateway"]!["id"]!;
        var listText = await Client.GetStringAsync("v1/gateways");
        var oneText = await Client.GetStringAsync($"v1/gateways/{id}");

        Assert.Equal(["password", "username"], created["gateway"]!["settingKeys"]!.AsArray().Select(k => (string?)k));
        Assert.False(((JsonObject)created["gateway"]!).ContainsKey("settings"));
        Assert.DoesNotContain("s3cr3t-value", created.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", listText, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", oneText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_are_kept_unless_sent_and_replaced_when_sent()
    {
        var id = await CreateGatewayAsync(Build.Gateway());

        var (_, kept) = await UpdateGatewayAsync(id, new JsonObject { ["weight"] = 4 });
        var (_, replaced) = await UpdateGatewayAsync(id, new JsonObject { ["settings"] = new JsonObject { ["apiKey"] = "new-secret" } });

        Assert.Equal(["password", "username"], kept!["gateway"]!["settingKeys"]!.AsArray().Select(k => (string?)k));
        Assert.Equal(["apiKey"], replaced!["gateway"]!["settingKeys"]!.AsArray().Select(k => (string?)k));
        Assert.DoesNotContain("new-secret", replaced.ToJsonString(), StringComparison.Ordinal);
    }
}

public sealed class Gateway_status_decides_what_it_accepts : SandboxTest
{
    [Theory]
    [InlineData("RefundOnly")]
    [InlineData("Disabled")]
    public async Task Charge_and_authorize_through_an_unavailable_gateway_are_50156(string status)
    {
        var id = await CreateGatewayAsync(Build.Gateway().With("status", status));

        var charge = await ChargeAsync(Build.Charge(2008).With("gatewayToken", id));
        var auth = await AuthorizeAsync(Build.Charge().With("gatewayToken", id));

        Assert.Equal("50156", charge.Code());
        Assert.Equal(2, charge.Status());
        Assert.Null(charge.RetryDate());
        Assert.Equal("50156", auth.Code());
    }

    [Fact]
    public async Task Refund_and_void_through_a_refund_only_gateway_are_accepted()
    {
        var id = await CreateGatewayAsync(Build.Gateway());
        var toRefund = await ChargeAsync(Build.Charge(5000).With("gatewayToken", id));
        var toVoid = await ChargeAsync(Build.Charge(5000).With("gatewayToken", id));
        await UpdateGatewayAsync(id, new JsonObject { ["status"] = "RefundOnly" });

        var refund = await FollowUpAsync(toRefund.Id(), "refund", Build.FollowUp());
        var voided = await FollowUpAsync(toVoid.Id(), "void", Build.FollowUp());

        Assert.Equal("10000", refund.Code());
        Assert.Equal(id, (string?)refund["gatewayToken"]);
        Assert.Equal("10000", voided.Code());
    }

    [Fact]
    public async Task Refund_void_and_capture_through_a_disabled_gateway_are_50156()
    {
        var id = await CreateGatewayAsync(Build.Gateway());
        var charge = await ChargeAsync(Build.Charge(5000).With("gatewayToken", id));
        var auth = await AuthorizeAsync(Build.Charge(5000).With("gatewayToken", id));
        await UpdateGatewayAsync(id, new JsonObject { ["status"] = "Disabled" });

        var refund = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp());
        var voided = await FollowUpAsync(charge.Id(), "void", Build.FollowUp());
        var capture = await FollowUpAsync(auth.Id(), "capture", Build.FollowUp());

        Assert.All(new[] { refund.Code(), voided.Code(), capture.Code() }, c => Assert.Equal("50156", c));
    }
}

public sealed class Charges_are_routed_to_gateways : SandboxTest
{
    [Fact]
    public async Task Named_gateway_processes_the_charge()
    {
        var request = Build.Gateway("braintree");
        var id = await CreateGatewayAsync(request);

        var answer = await ChargeAsync(Build.Charge(2008).With("gatewayToken", id));

        Assert.Equal(id, (string?)answer["gatewayToken"]);
        Assert.Equal(id, (string?)answer["assignedGatewayToken"]);
        Assert.Equal("braintree", (string?)answer["gatewayType"]);
        Assert.Equal((string?)request["merchantAccountReferenceId"], (string?)answer["merchantAccountReferenceId"]);
        Assert.Equal("20003", answer.Code());
    }

    [Fact]
    public async Task Two_gateways_each_take_their_own_charges()
    {
        var one = await CreateGatewayAsync(Build.Gateway());
        var two = await CreateGatewayAsync(Build.Gateway());

        var a = await ChargeAsync(Build.Charge().With("gatewayToken", one));
        var b = await ChargeAsync(Build.Charge().With("gatewayToken", two));

        Assert.Equal(one, (string?)a["gatewayToken"]);
        Assert.Equal(two, (string?)b["gatewayToken"]);
    }

    [Fact]
    public async Task Unknown_gateway_token_is_50143()
    {
        var answer = await ChargeAsync(Build.Charge().With("gatewayToken", "QW3RTY7UIOP2ASDFGHJKLZXCVB"));

        Assert.Equal("50143", answer.Code());
        Assert.Null(answer.RetryDate());
    }

    [Fact]
    public async Task Gateway_that_does_not_accept_the_currency_is_50147()
    {
        var id = await CreateGatewayAsync(Build.Gateway().With("acceptedCurrencyCodes", new JsonArray("EUR")));

        var answer = await ChargeAsync(Build.Charge().With("gatewayToken", id));

        Assert.Equal("50147", answer.Code());
    }

    [Fact]
    public async Task Without_a_token_the_heaviest_available_gateway_for_the_currency_wins()
    {
        await CreateGatewayAsync(Build.Gateway().With("weight", 1));
        var heavy = await CreateGatewayAsync(Build.Gateway().With("weight", 5));
        await CreateGatewayAsync(Build.Gateway().With("weight", 5));
        await CreateGatewayAsync(Build.Gateway().With("weight", 9).With("status", "RefundOnly"));
        await CreateGatewayAsync(Build.Gateway().With("weight", 9).With("acceptedCurrencyCodes", new JsonArray("EUR")));

        var answer = await ChargeAsync(Build.Charge());

        Assert.Equal(heavy, (string?)answer["gatewayToken"]);
    }

    [Fact]
    public async Task Without_any_gateway_the_built_in_sandbox_gateway_is_used()
    {
        await CreateGatewayAsync(Build.Gateway().With("acceptedCurrencyCodes", new JsonArray("EUR")));

        var answer = await ChargeAsync(Build.Charge());
        var byToken = await ChargeAsync(Build.Charge().With("gatewayToken", (string?)answer["gatewayToken"]));
        var listed = (JsonArray)(await GetAsync("v1/gateways"))!["gateways"]!;

        Assert.Equal("flexpay_sandbox", (string?)answer["gatewayType"]);
        Assert.Equal("Sandbox123", (string?)answer["merchantAccountReferenceId"]);
        Assert.Equal((string?)answer["gatewayToken"], (string?)answer["assignedGatewayToken"]);
        Assert.Equal("10000", byToken.Code());
        Assert.DoesNotContain(listed, g => (string?)g!["id"] == (string?)answer["gatewayToken"]);
    }

    [Fact]
    public async Task Follow_ups_go_through_the_original_gateway()
    {
        var id = await CreateGatewayAsync(Build.Gateway("adyen"));
        var charge = await ChargeAsync(Build.Charge().With("gatewayToken", id));
        await CreateGatewayAsync(Build.Gateway().With("weight", 50));

        var refund = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp());

        Assert.Equal(id, (string?)refund["gatewayToken"]);
        Assert.Equal("adyen", (string?)refund["gatewayType"]);
    }
}
