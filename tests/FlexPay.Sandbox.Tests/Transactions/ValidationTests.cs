using System.Net;
using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Tests.Transactions;

public sealed class Field_validation_returns_5xxxx_codes : SandboxTest
{
    private static readonly string Long65 = new('x', 65);
    private static readonly string Long256 = new('x', 256);

    public static TheoryData<string, string?, string> Cases => new()
    {
        { "merchantTransactionId", null, "50103" },
        { "merchantTransactionId", Long65, "50104" },
        { "orderId", null, "50126" },
        { "orderId", Long65, "50127" },
        { "currencyCode", null, "50045" },
        { "currencyCode", "US", "50073" },
        { "amount", null, "50137" },
        { "amount", "0", "50137" },
        { "amount", "-5", "50137" },
        { "paymentMethod", null, "50135" },
        { "paymentMethod.creditCardNumber", null, "50059" },
        { "paymentMethod.creditCardNumber", "49202019", "50060" },
        { "paymentMethod.expiryMonth", null, "50055" },
        { "paymentMethod.expiryMonth", "13", "50056" },
        { "paymentMethod.expiryYear", null, "50057" },
        { "paymentMethod.expiryYear", "24", "50058" },
        { "paymentMethod.lastName", null, "50090" },
        { "customerId", Long65, "50014" },
        { "description", Long256, "50124" },
        { "customerIp", Long65, "50037" },
        { "customVariable3", Long256, "50108" },
        { "gatewayToken", Long65, "50128" },
        { "referenceData", new string('A', 300), "50111" },
        { "paymentModel", "weekly", "50155" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Invalid_field_is_http_200_with_its_code(string field, string? value, string code)
    {
        var answer = await ChargeAsync(Build.Charge().With(field, value));

        Assert.Equal(code, answer.Code());
        Assert.Equal(2, answer.Status());
        Assert.Null(answer.RetryDate());
        Assert.Equal("flexpay_declined", (string?)answer["gatewayType"]);
    }

    [Fact]
    public async Task Customer_id_or_email_is_required()
    {
        var answer = await ChargeAsync(Build.Charge().With("customerId", null).With("paymentMethod.email", null));

        Assert.Equal("50048", answer.Code());
    }

    [Fact]
    public async Task Email_alone_is_enough()
    {
        var answer = await ChargeAsync(Build.Charge().With("customerId", null));

        Assert.Equal("10000", answer.Code());
    }

    [Fact]
    public async Task Full_name_replaces_first_and_last_name()
    {
        var answer = await ChargeAsync(Build.Charge()
            .With("paymentMethod.firstName", null).With("paymentMethod.lastName", null).With("paymentMethod.fullName", "Jane Sample"));

        Assert.Equal("10000", answer.Code());
        Assert.Equal("Jane Sample", (string?)answer["paymentMethod"]!["fullName"]);
    }

    [Fact]
    public async Task Merchant_transaction_id_of_64_characters_is_accepted()
    {
        var answer = await ChargeAsync(Build.Charge().With("merchantTransactionId", Build.NewId() + Build.NewId()));

        Assert.Equal("10000", answer.Code());
    }
}

public sealed class Unreadable_requests_are_rejected_with_400 : SandboxTest
{
    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"merchantTransactionId\":\"x\"}")]
    [InlineData("{\"transaction\":\"x\"}")]
    [InlineData("{\"transaction\":{\"amount\":1,\"Amount\":2}}")]
    [InlineData("")]
    public async Task Body_that_is_not_a_transaction_envelope_is_400(string body)
    {
        var (status, answer) = await SendRawAsync(HttpMethod.Post, "v1/gateways/charge", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrEmpty((string?)answer!["message"]));
    }

    [Theory]
    [InlineData("dateFirstAttempt", "yesterday")]
    [InlineData("amount", "ten")]
    [InlineData("retryCount", "first")]
    [InlineData("retainOnSuccess", "maybe")]
    [InlineData("disableCustomerRecovery", "no way")]
    public async Task Ill_typed_field_is_400_naming_the_field(string field, string value)
    {
        var (status, answer) = await SendAsync(
            HttpMethod.Post, "v1/gateways/charge", new JsonObject { ["transaction"] = Build.Charge().With(field, value) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["message"], answer!.AsObject().Select(m => m.Key));
        Assert.Contains(field, (string?)answer["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payment_method_that_is_not_an_object_is_400()
    {
        var (status, _) = await SendAsync(
            HttpMethod.Post, "v1/gateways/charge", new JsonObject { ["transaction"] = Build.Charge().With("paymentMethod", "card") });

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}

public sealed class Tolerant_input_is_accepted : SandboxTest
{
    [Fact]
    public async Task Amount_as_string_is_read_as_minor_units()
    {
        var answer = await ChargeAsync(Build.Charge().With("amount", "2008"));

        Assert.Equal("20003", answer.Code());
        Assert.Equal(2008, (long)answer["amount"]!);
    }

    [Fact]
    public async Task Retain_on_success_as_string_stores_the_card()
    {
        var answer = await ChargeAsync(Build.Charge().With("retainOnSuccess", "true"));

        Assert.Equal("Stored", (string?)answer["paymentMethod"]!["storageState"]);
    }

    [Fact]
    public async Task Expiry_year_as_integer_and_month_without_zero_are_accepted()
    {
        var answer = await ChargeAsync(Build.Charge().With("paymentMethod.expiryYear", 2024).With("paymentMethod.expiryMonth", 7));

        Assert.Equal("10000", answer.Code());
        Assert.Equal("2024", (string?)answer["paymentMethod"]!["expiryYear"]);
        Assert.Equal("07", (string?)answer["paymentMethod"]!["expiryMonth"]);
    }

    [Fact]
    public async Task Date_first_attempt_without_offset_is_utc()
    {
        var answer = await ChargeAsync(Build.Charge().With("dateFirstAttempt", "2026-03-09T10:00:00"));

        Assert.Equal("2026-03-09T10:00:00Z", (string?)answer["dateFirstAttempt"]);
    }
}

public sealed class Merchant_transaction_id_must_be_unique_per_company : SandboxTest
{
    [Fact]
    public async Task Reused_id_on_a_charge_is_50129()
    {
        var first = Build.Charge();
        var original = await ChargeAsync(first);

        var again = await ChargeAsync(Build.Charge().With("merchantTransactionId", (string?)first["merchantTransactionId"]));

        Assert.Equal("50129", again.Code());
        Assert.Null(again.RetryDate());
        var stored = await GetAsync($"v1/transactions/byMerchantTransactionId/{first["merchantTransactionId"]}");
        Assert.Equal(original.Id(), stored!["transaction"]!.Id());
    }

    [Fact]
    public async Task Refund_reusing_a_charge_id_is_50129()
    {
        var request = Build.Charge();
        var charge = await ChargeAsync(request);

        var refund = await FollowUpAsync(charge.Id(), "refund",
            Build.FollowUp().With("merchantTransactionId", (string?)request["merchantTransactionId"]));

        Assert.Equal("50129", refund.Code());
    }

    [Fact]
    public async Task Reused_refund_id_is_50129()
    {
        var charge = await ChargeAsync(Build.Charge(5000));
        var refund = Build.FollowUp(100);
        await FollowUpAsync(charge.Id(), "refund", refund);

        var again = await FollowUpAsync(charge.Id(), "refund", refund);

        Assert.Equal("50129", again.Code());
    }

    [Fact]
    public async Task Another_company_may_use_the_same_id()
    {
        var request = Build.Charge();
        await ChargeAsync(request);
        using var other = Sandbox.NewClient(SandboxHost.OtherKey);

        var answer = await ChargeAsync(request, other);

        Assert.Equal("10000", answer.Code());
    }
}

public sealed class Decision_order_follows_the_specification : SandboxTest
{
    [Fact]
    public async Task Authentication_comes_before_reading_the_body()
    {
        using var anonymous = Sandbox.NewClient(null);

        var (status, _) = await SendRawAsync(HttpMethod.Post, "v1/gateways/charge", "{not json", anonymous);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Shape_comes_before_field_validation()
    {
        var body = new JsonObject { ["transaction"] = Build.Charge().With("orderId", null).With("dateFirstAttempt", "soon") };

        var (status, _) = await SendAsync(HttpMethod.Post, "v1/gateways/charge", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Field_validation_comes_before_the_duplicate_check()
    {
        var request = Build.Charge();
        await ChargeAsync(request);

        var answer = await ChargeAsync(Build.Charge().With("merchantTransactionId", (string?)request["merchantTransactionId"]).With("orderId", null));

        Assert.Equal("50126", answer.Code());
    }

    [Fact]
    public async Task Duplicate_check_comes_before_the_card_checks()
    {
        var request = Build.Charge();
        await ChargeAsync(request);

        var answer = await ChargeAsync(Build.Charge(pan: "4000300011112220").With("merchantTransactionId", (string?)request["merchantTransactionId"]));

        Assert.Equal("50129", answer.Code());
    }

    [Fact]
    public async Task Unknown_original_comes_before_the_refund_amount()
    {
        var answer = await FollowUpAsync("NOPE", "refund", Build.FollowUp(999999));

        Assert.Equal("50131", answer.Code());
    }

    [Fact]
    public async Task Cvv_comes_before_recovery_and_amount_triggers()
    {
        var cvvOverAmount = await ChargeAsync(Build.Charge(2008).With("paymentMethod.cvv", "202"));
        var cvvOverRecovery = await ChargeAsync(Build.Charge(6020).With("paymentMethod.cvv", "201"));

        Assert.Equal("40006", cvvOverAmount.Code());
        Assert.Equal("30049", cvvOverRecovery.Code());
    }

    [Fact]
    public async Task Gateway_routing_comes_before_the_card_checks()
    {
        var answer = await ChargeAsync(Build.Charge(pan: "4000300011112220").With("gatewayToken", "UNKNOWNGATEWAYTOKEN2345678"));

        Assert.Equal("50143", answer.Code());
    }
}
