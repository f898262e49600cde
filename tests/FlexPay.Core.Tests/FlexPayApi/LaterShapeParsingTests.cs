using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi;

/// <summary>
/// The 2022–23 answer shapes (flexpay-api.md §4.11) read through the real client, beside the 2019 ones of
/// <see cref="TransactionParsingTests"/>: FlexPay may answer either way, so both must read.
/// </summary>
public sealed class LaterShapeParsingTests
{
    [Fact]
    public async Task An_approved_authorize_with_a_retry_date_is_approved_and_offers_no_retry()
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson(WireSamples.ApprovedAuthorize2023));

        var result = await harness.Client.AuthorizeAsync(ClientHarness.Key, FlexPayTestData.Charge());

        Assert.Equal(FlexPayOutcome.Approved, result.Outcome);
        Assert.True(result.IsApproved);
        Assert.Null(result.RetryDate);
        var t = Assert.IsType<FlexPayTransaction>(result.Transaction);
        Assert.Equal(new DateTimeOffset(2023, 3, 2, 0, 0, 0, TimeSpan.Zero), t.RetryDate);
        Assert.Equal("07731ABCD90000F2003FKLMN7QR5X", t.TransactionId);
        Assert.Equal("Authorize", t.TransactionType);
        Assert.Equal("subscription", t.PaymentModel);
        Assert.Equal(0, t.EngagedRecoveryState);
        Assert.Null(t.ProductSku);
        Assert.Null(t.SubscriptionId);
        Assert.Equal("196.168.1.123", t.CustomerIp);
        Assert.Equal("flexpay_sandbox", t.GatewayType);
        Assert.Equal("PLM5OKN6IJB7UHV2YGC3TFX4RD", t.PaymentMethod?.Fingerprint);
        Assert.Null(t.PaymentMethod?.GatewayPaymentMethodId);
        Assert.Null(t.PaymentMethod?.MerchantAccountReferenceId);
        Assert.Equal(new DateTimeOffset(2023, 3, 1, 14, 2, 11, 417, TimeSpan.Zero), t.PaymentMethod?.DateCreated);
    }

    [Fact]
    public async Task An_approved_charge_without_fingerprint_or_retry_date_is_approved()
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson(WireSamples.ApprovedCharge2023));

        var result = await harness.Client.ChargeAsync(ClientHarness.Key, FlexPayTestData.Charge());

        Assert.Equal(FlexPayOutcome.Approved, result.Outcome);
        Assert.Null(result.Transaction?.RetryDate);
        Assert.Null(result.Transaction?.PaymentMethod?.Fingerprint);
        Assert.Equal("PLM5OKN6IJB7UHV2YGC3TFX4RD", result.Transaction?.PaymentMethod?.PaymentMethodId);
    }

    [Fact]
    public async Task A_gateway_stored_card_reads_its_gateway_members_and_empty_digits()
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson(WireSamples.GatewayStoredCharge2023));

        var result = await harness.Client.ChargeAsync(ClientHarness.Key, FlexPayTestData.Charge());

        var card = Assert.IsType<FlexPayPaymentMethod>(result.Transaction?.PaymentMethod);
        Assert.Equal(FlexPayOutcome.Approved, result.Outcome);
        Assert.Equal("GatewayPaymentMethodId", card.PaymentMethodType);
        Assert.Equal("cus_12345", card.GatewayPaymentMethodId);
        Assert.Equal("MID-1", card.MerchantAccountReferenceId);
        Assert.Equal("", card.FirstSixDigits);
        Assert.Equal("", card.LastFourDigits);
        Assert.Null(card.CardType);
    }

    [Fact]
    public async Task A_refund_over_the_remaining_amount_is_a_hard_decline_whatever_the_cvv_message_says()
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson(WireSamples.RefundOverRemaining2023));

        var result = await harness.Client.RefundAsync(ClientHarness.Key, "07731ABCD90000F2003FKLMN7QR5X", FlexPayTestData.FollowUp(5500));

        Assert.Equal(FlexPayOutcome.HardDecline, result.Outcome);
        Assert.Equal("30015", result.ResponseCode);
        Assert.Equal("M", result.Transaction?.Response?.CvvCode);
        Assert.Equal("Declined - invalid amount.", result.Transaction?.Response?.CvvMessage);
        Assert.Null(result.Transaction?.PaymentModel);
        Assert.Null(result.Transaction?.CustomerIp);
    }

    public static TheoryData<string> NotFoundShapes => [WireSamples.OriginalNotFound2019, WireSamples.OriginalNotFound2023];

    [Theory]
    [MemberData(nameof(NotFoundShapes))]
    public async Task Original_not_found_in_either_shape_is_a_validation_error(string body)
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson(body));

        var result = await harness.Client.CaptureAsync(ClientHarness.Key, "NOSUCHTRANSACTION00000000", FlexPayTestData.FollowUp(1000));

        Assert.Equal(FlexPayOutcome.ValidationError, result.Outcome);
        Assert.Equal("50131", result.ResponseCode);
        Assert.Equal("Original transaction not found using the field TransactionReferenceId.", result.Transaction?.Message);
        Assert.False(result.MayHaveMovedMoney);
        Assert.True(string.IsNullOrEmpty(result.Transaction?.PaymentMethod?.CreditCardNumber));
    }

    [Fact]
    public async Task The_2019_placeholders_read_as_placeholders_and_an_empty_date_as_none()
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson(WireSamples.OriginalNotFound2019));

        var result = await harness.Client.RefundAsync(ClientHarness.Key, "NOSUCHTRANSACTION00000000", FlexPayTestData.FollowUp(500));

        var t = Assert.IsType<FlexPayTransaction>(result.Transaction);
        Assert.Equal("AAAAAAAAAAAAAAAAAAAAAAAAAA", t.AssignedGatewayToken);
        Assert.Equal("flexpay_declined", t.GatewayType);
        Assert.Null(t.CurrencyCode);
        Assert.Null(t.PaymentMethod?.DateCreated);
        Assert.Equal("", t.PaymentMethod?.ExpiryYear);
    }

    [Fact]
    public async Task The_2023_not_found_reads_its_empty_strings_currency_and_real_date()
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson(WireSamples.OriginalNotFound2023));

        var result = await harness.Client.CaptureAsync(ClientHarness.Key, "NOSUCHTRANSACTION00000000", FlexPayTestData.FollowUp(1000));

        var t = Assert.IsType<FlexPayTransaction>(result.Transaction);
        Assert.Equal("", t.AssignedGatewayToken);
        Assert.Equal("", t.GatewayType);
        Assert.Equal("", t.OrderId);
        Assert.Equal("USD", t.CurrencyCode);
        Assert.Null(t.PaymentModel);
        Assert.Null(t.PaymentMethod?.ExpiryYear);
        Assert.Equal("CreditCard", t.PaymentMethod?.PaymentMethodType);
        Assert.Equal(new DateTimeOffset(2023, 3, 1, 14, 5, 0, TimeSpan.Zero).AddTicks(1_234_567), t.PaymentMethod?.DateCreated);
    }

    [Fact]
    public async Task A_vault_answer_of_eight_members_yields_the_stored_card()
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson(WireSamples.VaultCreated2023));

        var result = await harness.Client.CreatePaymentMethodAsync(
            ClientHarness.Key, new CreatePaymentMethodRequest { CustomerId = "cust-1", Card = FlexPayTestData.Visa() });

        Assert.Equal(FlexPayOutcome.Approved, result.Outcome);
        Assert.Equal("CreatePaymentMethod", result.Transaction?.TransactionType);
        Assert.Equal("cust-1", result.Transaction?.CustomerId);
        Assert.Equal("PLM5OKN6IJB7UHV2YGC3TFX4RD", result.Transaction?.PaymentMethod?.PaymentMethodId);
        Assert.Equal("Stored", result.Transaction?.PaymentMethod?.StorageState);
        Assert.Null(result.Transaction?.ReferenceData);
        Assert.Null(result.Transaction?.RetryDate);
    }
}
