using System.Net;
using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Tests.Transactions;

public sealed class Response_has_the_full_transaction_shape : SandboxTest
{
    private static readonly string[] Members =
    [
        "response", "paymentMethod", "transactionId", "transactionDate", "transactionStatus", "message", "responseCode",
        "transactionType", "merchantTransactionId", "customerId", "currencyCode", "amount", "gatewayToken", "gatewayType",
        "gatewayTransactionId", "merchantAccountReferenceId", "assignedGatewayToken", "orderId", "retryDate", "retryCount",
        "dateFirstAttempt", "description", "customerIp", "shippingAddress", "referenceData", "disableCustomerRecovery",
        "customVariable1", "customVariable2", "customVariable3", "customVariable4", "customVariable5", "paymentModel",
        "engagedRecoveryState",
    ];

    private static readonly string[] CardMembers =
    [
        "paymentMethodId", "creditCardNumber", "expiryMonth", "expiryYear", "cvv", "firstName", "lastName", "fullName",
        "customerId", "address1", "address2", "postalCode", "city", "state", "country", "email", "phoneNumber",
        "paymentMethodType", "fingerprint", "lastFourDigits", "firstSixDigits", "cardType", "dateCreated", "storageState",
    ];

    [Fact]
    public async Task Charge_answer_has_every_member()
    {
        var answer = (JsonObject)await ChargeAsync(Build.Charge());

        Assert.All(Members, m => Assert.True(answer.ContainsKey(m), m));
        Assert.All(CardMembers, m => Assert.True(((JsonObject)answer["paymentMethod"]!).ContainsKey(m), m));
        Assert.Equal(
            ["address1", "address2", "postalCode", "city", "state", "country"],
            ((JsonObject)answer["shippingAddress"]!).Select(p => p.Key));
        Assert.All(((JsonObject)answer["shippingAddress"]!), p => Assert.Null(p.Value));
        Assert.Equal(["avsCode", "avsMessage", "cvvCode", "cvvMessage", "errorCode", "errorDetail"],
            ((JsonObject)answer["response"]!).Select(p => p.Key));
        Assert.False(answer.ContainsKey("gatewaySpecificFields"));
    }

    [Fact]
    public async Task Ids_are_26_character_base32()
    {
        var answer = await ChargeAsync(Build.Charge());

        Assert.Matches("^[A-Z2-7]{26}$", answer.Id());
        Assert.Matches("^[A-Z2-7]{26}$", (string?)answer["paymentMethod"]!["paymentMethodId"]);
        Assert.Matches("^[A-Z2-7]{26}$", (string?)answer["gatewayToken"]);
    }

    [Fact]
    public async Task Dates_are_utc_with_z()
    {
        var answer = await ChargeAsync(Build.Charge());

        Assert.Equal("2026-03-10T15:30:00Z", (string?)answer["transactionDate"]);
        Assert.Equal("2026-03-10T15:30:00Z", (string?)answer["dateFirstAttempt"]);
    }

    [Fact]
    public async Task Echoes_the_request()
    {
        var request = Build.Charge()
            .With("description", "Monthly plan")
            .With("customVariable2", "cv2")
            .With("paymentModel", "subscription")
            .With("shippingAddress", new JsonObject { ["city"] = "Ottawa" });

        var answer = await ChargeAsync(request);

        Assert.Equal((string?)request["merchantTransactionId"], (string?)answer["merchantTransactionId"]);
        Assert.Equal((string?)request["orderId"], (string?)answer["orderId"]);
        Assert.Equal("Monthly plan", (string?)answer["description"]);
        Assert.Equal("cv2", (string?)answer["customVariable2"]);
        Assert.Equal("subscription", (string?)answer["paymentModel"]);
        Assert.Equal("Ottawa", (string?)answer["shippingAddress"]!["city"]);
        Assert.Equal("John Doe", (string?)answer["paymentMethod"]!["fullName"]);
        Assert.Equal("cust-8841", (string?)answer["customerId"]);
    }
}

public sealed class Transactions_can_be_read_back : SandboxTest
{
    [Fact]
    public async Task Get_by_id_adds_gateway_specific_fields()
    {
        var charge = await ChargeAsync(Build.Charge(2008));

        var read = (await GetAsync($"v1/transactions/{charge.Id()}"))!["transaction"]!;

        Assert.Equal(charge.Id(), read.Id());
        Assert.Equal(charge.RetryDate(), read.RetryDate());
        Assert.Equal(charge.ReferenceData(), read.ReferenceData());
        Assert.NotNull(read["gatewaySpecificFields"]!["gatewaySpecificFields"]);
        Assert.NotNull(read["gatewaySpecificResponseFields"]!["gatewaySpecificFields"]);
    }

    [Fact]
    public async Task Get_by_merchant_transaction_id_finds_refunds_too()
    {
        var charge = await ChargeAsync(Build.Charge());
        var refundRequest = Build.FollowUp();
        var refund = await FollowUpAsync(charge.Id(), "refund", refundRequest);

        var read = (await GetAsync($"v1/transactions/byMerchantTransactionId/{refundRequest["merchantTransactionId"]}"))!["transaction"]!;

        Assert.Equal(refund.Id(), read.Id());
        Assert.Equal("Refund", (string?)read["transactionType"]);
    }

    [Theory]
    [InlineData("v1/transactions/ZZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("v1/transactions/byMerchantTransactionId/never-sent")]
    public async Task Unknown_id_is_404_with_a_message(string path)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.False(string.IsNullOrEmpty((string?)body!["message"]));
    }
}

public sealed class Transaction_list_pages_with_a_continuation_token : SandboxTest
{
    private async Task<List<string>> ChargeManyAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await ChargeAsync(Build.Charge())).Id());
        }
        return ids;
    }

    private async Task<List<string>> PageAsync(string query) =>
        [.. ((JsonArray)(await GetAsync("v1/transactions" + query))!["transactions"]!).Select(t => t!.Id())];

    [Fact]
    public async Task Default_page_is_20_oldest_first_and_pages_follow_the_last_id()
    {
        var ids = await ChargeManyAsync(25);

        var first = await PageAsync("");
        var second = await PageAsync($"?sinceTransactionId={first[^1]}");
        var end = await PageAsync($"?sinceTransactionId={second[^1]}");

        Assert.Equal(ids[..20], first);
        Assert.Equal(ids[20..], second);
        Assert.Empty(end);
    }

    [Fact]
    public async Task Since_token_is_an_alias_and_count_sets_the_page_size()
    {
        var ids = await ChargeManyAsync(7);

        var page = await PageAsync($"?count=3&sinceToken={ids[1]}");

        Assert.Equal(ids[2..5], page);
    }

    [Fact]
    public async Task Descending_order_starts_with_the_newest()
    {
        var ids = await ChargeManyAsync(4);

        var page = await PageAsync("?order=desc&count=2");
        var next = await PageAsync($"?order=desc&count=2&sinceTransactionId={page[^1]}");

        Assert.Equal([ids[3], ids[2]], page);
        Assert.Equal([ids[1], ids[0]], next);
    }

    [Fact]
    public async Task Count_is_capped_at_100()
    {
        await ChargeManyAsync(101);

        var page = await PageAsync("?count=500");

        Assert.Equal(100, page.Count);
    }

    [Fact]
    public async Task Start_date_frames_the_first_call()
    {
        await ChargeManyAsync(2);
        Sandbox.Clock.Advance(TimeSpan.FromDays(2));
        var later = await ChargeManyAsync(2);

        var page = await PageAsync("?startDate=2026-3-11");

        Assert.Equal(later, page);
    }

    [Fact]
    public async Task Simplified_items_are_compact()
    {
        var request = Build.Charge(2008);
        var first = await ChargeAsync(request);
        await ChargeAsync(Build.Retry(request, first));

        var items = (JsonArray)(await GetAsync("v1/transactions?responseType=simplified"))!["transactions"]!;

        var item = (JsonObject)items[1]!;
        Assert.Equal(
            ["transactionId", "transactionDate", "transactionStatus", "message", "transactionType", "retryDate", "amount",
             "initialMerchantTransactionId", "paymentMethodStorageState", "completionStatus"],
            item.Select(p => p.Key));
        Assert.Equal((string?)request["merchantTransactionId"], (string?)item["initialMerchantTransactionId"]);
    }

    [Fact]
    public async Task Full_items_carry_the_gateway()
    {
        var charge = await ChargeAsync(Build.Charge());

        var item = ((JsonArray)(await GetAsync("v1/transactions"))!["transactions"]!)[0]!;

        Assert.Equal(charge.Id(), item.Id());
        Assert.Equal((string?)charge["gatewayToken"], (string?)item["gateway"]!["token"]);
        Assert.Equal("flexpay_sandbox", (string?)item["gateway"]!["gatewayType"]);
    }

    [Fact]
    public async Task Unknown_continuation_token_is_400()
    {
        var (status, _) = await SendAsync(HttpMethod.Get, "v1/transactions?sinceTransactionId=NOPE");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
