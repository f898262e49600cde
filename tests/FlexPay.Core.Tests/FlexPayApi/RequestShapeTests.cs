using System.Text.Json;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi;

/// <summary>Paths, verbs, envelopes and member names as flexpay-api.md §1, §2, §2.9 and §5.6 document them.</summary>
public sealed class RequestShapeTests : IDisposable
{
    private readonly ClientHarness harness = new(StubTransport.AnsweringJson(WireSamples.Approved2019));

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task A_charge_posts_the_documented_raw_card_body()
    {
        var request = FlexPayTestData.Charge(2008) with
        {
            MerchantTransactionId = "a1b2c3d4e5f60718",
            Description = "Monthly plan",
            CustomerIp = "196.168.1.123",
            GatewayToken = "QW3RTY7UIOP2ASDFGHJKLZXCVB",
            DateFirstAttempt = new DateTimeOffset(2019, 9, 3, 17, 57, 53, TimeSpan.Zero),
            PaymentModel = "subscription",
            ReferenceData = "REF==",
            RetryCount = 2,
        };

        await harness.Client.ChargeAsync(ClientHarness.Key, request);

        var sent = harness.Transport.Single;
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://api.flexpay.test/v1/gateways/charge", sent.Uri.AbsoluteUri);
        Assert.Equal("application/json; charset=utf-8", sent.ContentType);
        var t = Transaction(sent);
        Assert.Equal("a1b2c3d4e5f60718", t.GetProperty("merchantTransactionId").GetString());
        Assert.Equal("INV-100045", t.GetProperty("orderId").GetString());
        Assert.Equal("Monthly plan", t.GetProperty("description").GetString());
        Assert.Equal("cust-8841", t.GetProperty("customerId").GetString());
        Assert.Equal("USD", t.GetProperty("currencyCode").GetString());
        Assert.Equal(2008, t.GetProperty("amount").GetInt64());
        Assert.False(t.GetProperty("retainOnSuccess").GetBoolean());
        Assert.Equal("196.168.1.123", t.GetProperty("customerIp").GetString());
        Assert.Equal("QW3RTY7UIOP2ASDFGHJKLZXCVB", t.GetProperty("gatewayToken").GetString());
        Assert.Equal(2, t.GetProperty("retryCount").GetInt32());
        Assert.Equal("2019-09-03T17:57:53Z", t.GetProperty("dateFirstAttempt").GetString());
        Assert.False(t.GetProperty("disableCustomerRecovery").GetBoolean());
        Assert.Equal("REF==", t.GetProperty("referenceData").GetString());
        Assert.Equal("subscription", t.GetProperty("paymentModel").GetString());
        Assert.False(t.TryGetProperty("paymentMethodId", out _));
        Assert.False(t.TryGetProperty("References", out _));

        var card = t.GetProperty("paymentMethod");
        Assert.Equal("4920201996449560", card.GetProperty("creditCardNumber").GetString());
        Assert.Equal("07", card.GetProperty("expiryMonth").GetString());
        Assert.Equal("2024", card.GetProperty("expiryYear").GetString());
        Assert.Equal("879", card.GetProperty("cvv").GetString());
        Assert.Equal("John", card.GetProperty("firstName").GetString());
        Assert.Equal("123 A St", card.GetProperty("address1").GetString());
        Assert.Equal("johndoe@example.com", card.GetProperty("email").GetString());
        Assert.False(card.TryGetProperty("gatewayPaymentMethodId", out _));
        Assert.False(card.TryGetProperty("address2", out _));
    }

    [Fact]
    public async Task The_key_is_sent_verbatim_after_Basic()
    {
        await harness.Client.GetTransactionAsync(ClientHarness.Key, "T1");

        Assert.Equal("Basic kIqCBL40PaoL2Tg28hUxVgtqKgYDTSLnl5J3iwptJHA=", harness.Transport.Single.Authorization);
    }

    [Fact]
    public async Task An_authorization_posts_the_same_body_to_its_own_path()
    {
        await harness.Client.AuthorizeAsync(ClientHarness.Key, FlexPayTestData.Charge());

        Assert.Equal("/v1/gateways/authorize", harness.Transport.Single.Uri.AbsolutePath);
        Assert.True(Transaction(harness.Transport.Single).TryGetProperty("paymentMethod", out _));
    }

    [Fact]
    public async Task A_vault_token_charge_sends_the_id_and_no_card()
    {
        await harness.Client.ChargeAsync(ClientHarness.Key, FlexPayTestData.Charge() with { Card = null, PaymentMethodId = "PM26CHARS" });

        var t = Transaction(harness.Transport.Single);
        Assert.Equal("PM26CHARS", t.GetProperty("paymentMethodId").GetString());
        Assert.False(t.TryGetProperty("paymentMethod", out _));
        Assert.False(t.TryGetProperty("retainOnSuccess", out _));
    }

    [Fact]
    public async Task A_gateway_stored_card_charge_sends_the_gateways_token()
    {
        var stored = new GatewayStoredCard { GatewayPaymentMethodId = "cus_123", MerchantAccountReferenceId = "MID-1", LastFourDigits = "4242" };

        await harness.Client.ChargeAsync(ClientHarness.Key, FlexPayTestData.Charge() with { Card = null, GatewayCard = stored });

        var method = Transaction(harness.Transport.Single).GetProperty("paymentMethod");
        Assert.Equal("cus_123", method.GetProperty("gatewayPaymentMethodId").GetString());
        Assert.Equal("MID-1", method.GetProperty("merchantAccountReferenceId").GetString());
        Assert.Equal("4242", method.GetProperty("lastFourDigits").GetString());
        Assert.False(method.TryGetProperty("creditCardNumber", out _));
    }

    [Fact]
    public async Task Two_instruments_at_once_are_refused_before_anything_is_sent()
    {
        var request = FlexPayTestData.Charge() with { PaymentMethodId = "PM1" };

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.ChargeAsync(ClientHarness.Key, request));
        Assert.Empty(harness.Transport.Requests);
    }

    [Fact]
    public async Task A_previous_decline_goes_under_the_capitalised_references_member()
    {
        var previous = new PreviousTransactionReference
        {
            MerchantAccountReferenceId = "MID-1",
            GatewayCode = "05",
            GatewayMessage = "Do not honor",
            TransactionDate = new DateTimeOffset(2024, 5, 1, 10, 0, 0, 500, TimeSpan.FromHours(2)),
        };

        await harness.Client.ChargeAsync(ClientHarness.Key, FlexPayTestData.Charge() with { PreviousTransaction = previous });

        var p = Transaction(harness.Transport.Single).GetProperty("References").GetProperty("PreviousTransaction");
        Assert.Equal("MID-1", p.GetProperty("merchantAccountReferenceId").GetString());
        Assert.Equal("05", p.GetProperty("gatewayCode").GetString());
        Assert.Equal("Do not honor", p.GetProperty("gatewayMesage").GetString());
        Assert.Equal("2024-05-01T08:00:00.5Z", p.GetProperty("transactionDate").GetString());
    }

    [Theory]
    [InlineData("capture")]
    [InlineData("void")]
    [InlineData("refund")]
    [InlineData("refundedpayment")]
    public async Task A_follow_up_posts_its_envelope_to_the_transactions_path(string action)
    {
        var request = new FollowUpRequest("rf-1", 500);
        Func<FlexPayApiKey, string, FollowUpRequest, CancellationToken, Task<TransactionResult>> call = action switch
        {
            "capture" => harness.Client.CaptureAsync,
            "void" => harness.Client.VoidAsync,
            "refund" => harness.Client.RefundAsync,
            _ => harness.Client.ReportRefundedPaymentAsync,
        };

        await call(ClientHarness.Key, "MNB4VCX7ZLKJHGF2DSAPOIUYTR", request, CancellationToken.None);

        var sent = harness.Transport.Single;
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal($"/v1/transactions/MNB4VCX7ZLKJHGF2DSAPOIUYTR/{action}", sent.Uri.AbsolutePath);
        Assert.Equal("""{"transaction":{"merchantTransactionId":"rf-1","amount":500,"disableCustomerRecovery":false}}""", sent.Body);
    }

    [Fact]
    public async Task A_follow_up_without_an_amount_omits_it()
    {
        await harness.Client.VoidAsync(ClientHarness.Key, "T1", new FollowUpRequest("void-1"));

        Assert.Equal("""{"transaction":{"merchantTransactionId":"void-1","disableCustomerRecovery":false}}""", harness.Transport.Single.Body);
    }

    [Fact]
    public async Task Reads_use_get_and_url_encode_their_path_segments()
    {
        await harness.Client.GetTransactionAsync(ClientHarness.Key, "T 1");
        await harness.Client.GetByMerchantTransactionIdAsync(ClientHarness.Key, "11/07/2023 14:44:45");

        Assert.All(harness.Transport.Requests, r => Assert.Equal(HttpMethod.Get, r.Method));
        Assert.All(harness.Transport.Requests, r => Assert.Null(r.Body));
        Assert.Equal("/v1/transactions/T%201", harness.Transport.Requests[0].Uri.AbsolutePath);
        Assert.Equal("/v1/transactions/byMerchantTransactionId/11%2F07%2F2023%2014%3A44%3A45", harness.Transport.Requests[1].Uri.AbsolutePath);
    }

    [Fact]
    public async Task Vaulting_a_card_posts_a_credit_card_under_payment_method()
    {
        await harness.Client.CreatePaymentMethodAsync(ClientHarness.Key, new CreatePaymentMethodRequest { CustomerId = "cust-1", Card = FlexPayTestData.Visa() });

        var sent = harness.Transport.Single;
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/v1/paymentmethods", sent.Uri.AbsolutePath);
        var method = Root(sent).GetProperty("paymentMethod");
        Assert.Equal("cust-1", method.GetProperty("customerId").GetString());
        Assert.Equal("4920201996449560", method.GetProperty("creditCard").GetProperty("creditCardNumber").GetString());
        Assert.False(method.TryGetProperty("gatewayPaymentMethod", out _));
    }

    [Fact]
    public async Task Vaulting_a_gateway_stored_card_posts_a_gateway_payment_method()
    {
        var stored = new GatewayStoredCard { GatewayPaymentMethodId = "cus_9", MerchantAccountReferenceId = "MID-2" };

        await harness.Client.CreatePaymentMethodAsync(ClientHarness.Key, new CreatePaymentMethodRequest { GatewayCard = stored });

        var method = Root(harness.Transport.Single).GetProperty("paymentMethod");
        Assert.Equal("cus_9", method.GetProperty("gatewayPaymentMethod").GetProperty("gatewayPaymentMethodId").GetString());
        Assert.False(method.TryGetProperty("creditCard", out _));
    }

    [Fact]
    public async Task Vault_reads_and_redaction_use_their_paths()
    {
        await harness.Client.GetPaymentMethodAsync(ClientHarness.Key, "PM1");
        await harness.Client.RedactPaymentMethodAsync(ClientHarness.Key, "PM1");

        Assert.Equal((HttpMethod.Get, "/v1/paymentmethods/PM1"), (harness.Transport.Requests[0].Method, harness.Transport.Requests[0].Uri.AbsolutePath));
        Assert.Equal((HttpMethod.Put, "/v1/paymentmethods/PM1/redact"), (harness.Transport.Requests[1].Method, harness.Transport.Requests[1].Uri.AbsolutePath));
        Assert.Null(harness.Transport.Requests[1].Body);
    }

    [Fact]
    public async Task Creating_a_gateway_posts_the_definition_with_its_settings()
    {
        var definition = new GatewayDefinition
        {
            Name = "Main MID",
            GatewayType = "nmi",
            MerchantAccountReferenceId = "MID-1",
            CurrencyCode = "USD",
            AcceptedCurrencyCodes = ["USD"],
            ApprovedChargeOrCaptureRateFee = 2.9m,
            Settings = new Dictionary<string, string> { ["username"] = "u", ["password"] = "p" },
        };

        await harness.Client.CreateGatewayAsync(ClientHarness.Key, definition);

        var sent = harness.Transport.Single;
        Assert.Equal((HttpMethod.Post, "/v1/gateways"), (sent.Method, sent.Uri.AbsolutePath));
        var g = Root(sent).GetProperty("gateway");
        Assert.Equal("Main MID", g.GetProperty("name").GetString());
        Assert.Equal("nmi", g.GetProperty("gatewayType").GetString());
        Assert.Equal("MID-1", g.GetProperty("merchantAccountReferenceId").GetString());
        Assert.Equal("Available", g.GetProperty("status").GetString());
        Assert.Equal(1, g.GetProperty("weight").GetInt32());
        Assert.True(g.GetProperty("acceptRetries").GetBoolean());
        Assert.False(g.GetProperty("cvvRequired").GetBoolean());
        Assert.Equal(2.9m, g.GetProperty("approvedChargeOrCaptureRateFee").GetDecimal());
        Assert.False(g.TryGetProperty("otherTransactionFlatFee", out _));
        Assert.Equal("p", g.GetProperty("settings").GetProperty("password").GetString());
        Assert.Equal("USD", g.GetProperty("acceptedCurrencyCodes")[0].GetString());
    }

    [Fact]
    public async Task Updating_a_gateway_puts_only_what_changes()
    {
        await harness.Client.UpdateGatewayAsync(ClientHarness.Key, "GW1", new GatewayUpdate { Status = FlexPayGatewayStatuses.RefundOnly });

        var sent = harness.Transport.Single;
        Assert.Equal((HttpMethod.Put, "/v1/gateways/GW1"), (sent.Method, sent.Uri.AbsolutePath));
        Assert.Equal("""{"gateway":{"status":"RefundOnly"}}""", sent.Body);
    }

    [Fact]
    public async Task Gateway_reads_and_deletion_use_their_paths()
    {
        await harness.Client.GetGatewayAsync(ClientHarness.Key, "GW1");
        await harness.Client.ListGatewaysAsync(ClientHarness.Key);
        await harness.Client.DeleteGatewayAsync(ClientHarness.Key, "GW1");

        var calls = harness.Transport.Requests.Select(r => (r.Method, r.Uri.AbsolutePath)).ToList();
        Assert.Equal([(HttpMethod.Get, "/v1/gateways/GW1"), (HttpMethod.Get, "/v1/gateways"), (HttpMethod.Delete, "/v1/gateways/GW1")], calls);
    }

    [Fact]
    public async Task Deleting_a_gateway_succeeds_on_any_2xx_body()
    {
        using var noContent = new ClientHarness(StubTransport.Answering(System.Net.HttpStatusCode.NoContent, ""));

        var response = await noContent.Client.DeleteGatewayAsync(ClientHarness.Key, "GW1");

        Assert.True(response.IsOk);
        Assert.True(response.Value);
    }

    [Fact]
    public async Task The_health_check_sits_beside_the_version_folder_and_sends_no_key()
    {
        var response = await harness.Client.CheckConnectionAsync();

        Assert.True(response.Value);
        Assert.Equal("https://api.flexpay.test/api/test", harness.Transport.Single.Uri.AbsoluteUri);
        Assert.Null(harness.Transport.Single.Authorization);
    }

    [Fact]
    public async Task The_keyed_health_check_sends_the_key()
    {
        await harness.Client.CheckConnectionAsync(ClientHarness.Key);

        Assert.Equal("/api/test", harness.Transport.Single.Uri.AbsolutePath);
        Assert.Equal($"Basic {ClientHarness.Key.Value}", harness.Transport.Single.Authorization);
    }

    private static JsonElement Root(RecordedRequest request) => JsonDocument.Parse(request.Body!).RootElement;

    private static JsonElement Transaction(RecordedRequest request) => Root(request).GetProperty("transaction");
}
