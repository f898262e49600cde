using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi;

public sealed class ListAndGatewayParsingTests
{
    [Fact]
    public async Task A_documented_simplified_list_item_is_read()
    {
        var pages = new Queue<string>([WireSamples.SimplifiedList, """{"transactions":[]}"""]);
        using var harness = new ClientHarness(new StubTransport((_, _) =>
            Task.FromResult(StubTransport.Response(System.Net.HttpStatusCode.OK, pages.Dequeue()))));

        var items = await harness.Client.ListTransactionsAsync(ClientHarness.Key, new TransactionListQuery { Simplified = true }).ToListAsync();

        var item = Assert.Single(items);
        Assert.Equal("07731ABCD90000F2003FKLMN7QR5X", item.TransactionId);
        Assert.Equal(new DateTimeOffset(2023, 11, 30, 22, 1, 0, 10, TimeSpan.Zero), item.TransactionDate);
        Assert.Equal(2, item.TransactionStatus);
        Assert.Equal("The card has been declined due to insufficient funds.", item.Message);
        Assert.Equal("Charge", item.TransactionType);
        Assert.Equal(new DateTimeOffset(2023, 12, 1, 21, 0, 0, TimeSpan.Zero), item.RetryDate);
        Assert.Equal(75L, item.Amount);
        Assert.Equal("11/07/2023 14:44:45", item.InitialMerchantTransactionId);
        Assert.Equal("Stored", item.PaymentMethodStorageState);
        Assert.Null(item.CompletionStatus);
    }

    [Fact]
    public async Task A_full_list_item_keeps_its_gateway()
    {
        var full = """
            {"transactions":[{"transactionId":"T1","transactionDate":"2023-11-30T22:01:00Z","transactionStatus":1,
              "transactionType":"Charge","message":"Approved.","responseCode":10000,
              "gateway":{"token":"GW1","gatewayType":"nmi","name":"Main","referenceId":"MID-1"},
              "gatewaySpecificFields":{"gatewaySpecificFields":{}},"gatewaySpecificResponseFields":{"gatewaySpecificFields":{}}}]}
            """;
        var pages = new Queue<string>([full, """{"transactions":[]}"""]);
        using var harness = new ClientHarness(new StubTransport((_, _) =>
            Task.FromResult(StubTransport.Response(System.Net.HttpStatusCode.OK, pages.Dequeue()))));

        var item = Assert.Single(await harness.Client.ListTransactionsAsync(ClientHarness.Key, new TransactionListQuery()).ToListAsync());

        Assert.Equal("10000", item.ResponseCode);
        Assert.Equal(new FlexPayTransactionGateway { Token = "GW1", GatewayType = "nmi", Name = "Main", ReferenceId = "MID-1" }, item.Gateway);
        Assert.Null(item.Amount);
    }

    [Fact]
    public async Task A_gateway_body_is_read_with_setting_names_only()
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson(WireSamples.Gateway));

        var response = await harness.Client.GetGatewayAsync(ClientHarness.Key, "GW7TOKEN2ABCDEFGHIJKLMNOPQ");

        Assert.True(response.IsOk);
        var gateway = Assert.IsType<FlexPayGateway>(response.Value);
        Assert.Equal("GW7TOKEN2ABCDEFGHIJKLMNOPQ", gateway.Id);
        Assert.Equal("Main MID", gateway.Name);
        Assert.Equal("MID-1", gateway.MerchantAccountReferenceId);
        Assert.Equal("flexpay_sandbox", gateway.GatewayType);
        Assert.Equal("USD", gateway.CurrencyCode);
        Assert.Equal(FlexPayGatewayStatuses.Available, gateway.Status);
        Assert.Equal(["USD", "EUR"], gateway.AcceptedCurrencyCodes);
        Assert.Equal(2, gateway.Weight);
        Assert.True(gateway.AcceptRetries);
        Assert.False(gateway.CvvRequired);
        Assert.Equal(2.9m, gateway.ApprovedChargeOrCaptureRateFee);
        Assert.Equal(0.30m, gateway.ApprovedChargeOrCaptureFlatFee);
        Assert.Equal(0.1m, gateway.OtherTransactionFlatFee);
        Assert.Equal(["username", "password"], gateway.SettingKeys);
    }

    [Fact]
    public async Task A_gateway_list_is_unwrapped()
    {
        var body = WireSamples.Gateway.Replace("{\"gateway\":{", "{\"gateways\":[{", StringComparison.Ordinal).TrimEnd()[..^1] + "]}";
        using var harness = new ClientHarness(StubTransport.AnsweringJson(body));

        var response = await harness.Client.ListGatewaysAsync(ClientHarness.Key);

        Assert.Equal("GW7TOKEN2ABCDEFGHIJKLMNOPQ", Assert.Single(response.Value!).Id);
    }

    [Fact]
    public async Task A_vaulted_payment_method_is_unwrapped()
    {
        var body = """
            {"paymentMethod":{"paymentMethodId":"PM1","creditCardNumber":"492020******9560","expiryMonth":"07","expiryYear":"2024",
              "cvv":"***","paymentMethodType":"CreditCard","lastFourDigits":"9560","firstSixDigits":"492020","cardType":"VISA",
              "storageState":"Stored","dateCreated":"2024-01-02T03:04:05.1234567Z"}}
            """;
        using var harness = new ClientHarness(StubTransport.AnsweringJson(body));

        var response = await harness.Client.GetPaymentMethodAsync(ClientHarness.Key, "PM1");

        Assert.Equal(FlexPayOutcome.Ok, response.Outcome);
        Assert.Equal("PM1", response.Value?.PaymentMethodId);
        Assert.Equal("Stored", response.Value?.StorageState);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1_234_567), response.Value?.DateCreated);
    }
}
