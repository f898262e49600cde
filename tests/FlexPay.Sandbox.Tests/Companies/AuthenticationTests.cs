using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FlexPay.Sandbox.Tests.Support;

namespace FlexPay.Sandbox.Tests.Companies;

public sealed class Api_key_is_required_verbatim : SandboxTest
{
    public static TheoryData<string?> BadKeys => new()
    {
        null,
        "wrong-key",
        Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + SandboxOptions.DevelopmentApiKey)),
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task Missing_or_unknown_key_is_401_with_a_message(string? key)
    {
        using var client = Sandbox.NewClient(key);

        var (status, body) = await SendAsync(HttpMethod.Post, "v1/gateways/charge", new JsonObject { ["transaction"] = Build.Charge() }, client);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        WholeAnswer.Equal(new JsonObject { ["message"] = "Authorization has been denied for this request." }, body);
    }

    [Theory]
    [InlineData("v1/transactions")]
    [InlineData("v1/gateways")]
    [InlineData("v1/paymentmethods")]
    [InlineData("api/test")]
    public async Task Every_api_path_needs_the_key(string path)
    {
        using var client = Sandbox.NewClient(null);

        var (status, _) = await SendAsync(HttpMethod.Get, path, client: client);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Health_check_answers_with_the_documented_message()
    {
        var body = await GetAsync("api/test");

        Assert.Equal("Your client successfully connects with FlexPay!", (string?)body!["message"]);
    }
}

public sealed class Configured_keys_replace_the_development_key : SandboxTest
{
    private const string OnlyKey = "Y29uZmlndXJlZC1rZXktMDAwMDAwMDAwMDAwMDAwMDA=";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sandbox:ApiKeys:0"] = OnlyKey,
    };

    [Fact]
    public async Task Development_key_is_rejected_and_the_configured_one_accepted()
    {
        using var configured = Sandbox.NewClient(OnlyKey);

        var (devStatus, _) = await SendAsync(HttpMethod.Get, "v1/transactions");
        var (configuredStatus, _) = await SendAsync(HttpMethod.Get, "v1/transactions", client: configured);

        Assert.Equal(HttpStatusCode.Unauthorized, devStatus);
        Assert.Equal(HttpStatusCode.OK, configuredStatus);
    }
}

public sealed class Companies_are_isolated_from_each_other : SandboxTest
{
    [Fact]
    public async Task Another_company_cannot_see_or_follow_up_a_transaction()
    {
        var charge = await ChargeAsync(Build.Charge());
        using var other = Sandbox.NewClient(SandboxHost.OtherKey);

        var (status, _) = await SendAsync(HttpMethod.Get, $"v1/transactions/{charge.Id()}", client: other);
        var refund = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp(), other);
        var list = (JsonArray)(await GetAsync("v1/transactions", other))!["transactions"]!;

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("50131", refund.Code());
        Assert.DoesNotContain(list, t => t!.Id() == charge.Id());
    }

    [Fact]
    public async Task Another_company_cannot_use_a_gateway_or_a_vaulted_card()
    {
        var gateway = await CreateGatewayAsync(Build.Gateway());
        var charge = await ChargeAsync(Build.Charge());
        using var other = Sandbox.NewClient(SandboxHost.OtherKey);

        var viaGateway = await ChargeAsync(Build.Charge().With("gatewayToken", gateway), other);
        var viaCard = await ChargeAsync(
            Build.Charge().With("paymentMethod", null).With("paymentMethodId", (string?)charge["paymentMethod"]!["paymentMethodId"]), other);
        var gateways = (JsonArray)(await GetAsync("v1/gateways", other))!["gateways"]!;

        Assert.Equal("50143", viaGateway.Code());
        Assert.Equal("50134", viaCard.Code());
        Assert.Empty(gateways);
    }

    [Fact]
    public async Task Each_company_has_its_own_built_in_gateway()
    {
        using var other = Sandbox.NewClient(SandboxHost.OtherKey);

        var mine = await ChargeAsync(Build.Charge());
        var theirs = await ChargeAsync(Build.Charge(), other);
        var again = await ChargeAsync(Build.Charge());

        Assert.NotEqual((string?)mine["gatewayToken"], (string?)theirs["gatewayToken"]);
        Assert.Equal((string?)mine["gatewayToken"], (string?)again["gatewayToken"]);
    }
}
