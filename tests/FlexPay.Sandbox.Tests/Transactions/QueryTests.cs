using System.Net;
using System.Text.Json.Nodes;
using FlexPay.Sandbox.Tests.Support;

namespace FlexPay.Sandbox.Tests.Transactions;

public sealed class Transactions_can_be_read_back : SandboxTest
{
    /// <summary>The answer as sent, plus the two GET-one members (§2.6).</summary>
    private static JsonObject ReadBack(JsonNode answer)
    {
        var expected = (JsonObject)answer.DeepClone();
        expected["gatewaySpecificFields"] = new JsonObject { ["gatewaySpecificFields"] = new JsonObject() };
        expected["gatewaySpecificResponseFields"] = new JsonObject { ["gatewaySpecificFields"] = new JsonObject() };
        return expected;
    }

    [Fact]
    public async Task Get_by_id_is_the_answer_plus_gateway_specific_fields()
    {
        var charge = await ChargeAsync(Build.Charge(2008).With("paymentModel", "subscription"));
        var refund = await FollowUpAsync((await ChargeAsync(Build.Charge())).Id(), "refund", Build.FollowUp());

        var readCharge = (await GetAsync($"v1/transactions/{charge.Id()}"))!["transaction"]!;
        var readRefund = (await GetAsync($"v1/transactions/{refund.Id()}"))!["transaction"]!;

        WholeAnswer.Equal(ReadBack(charge), readCharge);
        WholeAnswer.Equal(ReadBack(refund), readRefund);
        Assert.False(readRefund.AsObject().ContainsKey("paymentModel"));
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
