using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi;

/// <summary>Transaction bodies as FlexPay sends them (flexpay-api.md §2.1.5, §2.1.6), read through the real client.</summary>
public sealed class TransactionParsingTests
{
    [Fact]
    public async Task The_2019_soft_decline_is_read_member_by_member()
    {
        var result = await ReadAsync(WireSamples.SoftDecline2019);

        Assert.Equal(FlexPayOutcome.SoftDeclineWithRetryDate, result.Outcome);
        var t = Assert.IsType<FlexPayTransaction>(result.Transaction);
        Assert.Equal("ZAQ2WSX3EDC4RFV5TGB6YHN7UJ", t.TransactionId);
        Assert.Equal(new DateTimeOffset(2019, 9, 3, 17, 57, 53, 155, TimeSpan.Zero), t.TransactionDate);
        Assert.Equal(2, t.TransactionStatus);
        Assert.Equal("Declined - do not honor.", t.Message);
        Assert.Equal("20003", t.ResponseCode);
        Assert.Equal("Charge", t.TransactionType);
        Assert.Equal("4f1e0c2b9a8d7e6f5a4b3c2d1e0f9a8b", t.MerchantTransactionId);
        Assert.Equal("9c0d3e52-7a41-4b8e-b0f6-2d5e8c1a9b37", t.CustomerId);
        Assert.Equal("USD", t.CurrencyCode);
        Assert.Equal(2008L, t.Amount);
        Assert.Equal("QW3RTY7UIOP2ASDFGHJKLZXCVB", t.GatewayToken);
        Assert.Equal("nmi", t.GatewayType);
        Assert.Equal("1b7e4d20-55c3-4f9a-8e21-6c0a3f9d2e14", t.GatewayTransactionId);
        Assert.Equal("Sandbox123", t.MerchantAccountReferenceId);
        Assert.Equal("QW3RTY7UIOP2ASDFGHJKLZXCVB", t.AssignedGatewayToken);
        Assert.Equal("4f1e0c2b9a8d7e6f5a4b3c2d1e0f9a8b", t.OrderId);
        Assert.Equal(new DateTimeOffset(2019, 9, 4, 0, 0, 0, TimeSpan.Zero), t.RetryDate);
        Assert.Equal(0, t.RetryCount);
        Assert.Equal(new DateTimeOffset(2019, 9, 3, 17, 57, 53, 139, TimeSpan.Zero), t.DateFirstAttempt);
        Assert.Null(t.Description);
        Assert.Null(t.CustomerIp);
        Assert.Equal("CAABAHh3Fb2kQ9cIA1x7Qm9rZXJlZkRhdGFFeGFtcGxlQmxvYlRoaXMzMjE=", t.ReferenceData);
        Assert.False(t.DisableCustomerRecovery);
        Assert.Null(t.CustomVariable1);
        Assert.NotNull(t.ShippingAddress);
        Assert.Null(t.ShippingAddress.Address1);

        Assert.Equal("S", t.Response?.AvsCode);
        Assert.Equal("AVS not supported.", t.Response?.AvsMessage);
        Assert.Equal("M", t.Response?.CvvCode);
        Assert.Null(t.Response?.ErrorCode);
        Assert.Equal("", t.Response?.ErrorDetail);

        var card = Assert.IsType<FlexPayPaymentMethod>(t.PaymentMethod);
        Assert.Equal("PLM5OKN6IJB7UHV2YGC3TFX4RD", card.PaymentMethodId);
        Assert.Equal("492020******9560", card.CreditCardNumber);
        Assert.Equal("09", card.ExpiryMonth);
        Assert.Equal("2020", card.ExpiryYear);
        Assert.Equal("Jane Sample", card.FullName);
        Assert.Equal("CreditCard", card.PaymentMethodType);
        Assert.Equal("9560", card.LastFourDigits);
        Assert.Equal("492020", card.FirstSixDigits);
        Assert.Equal("VISA", card.CardType);
        Assert.Equal("Cached", card.StorageState);
        Assert.Equal(new DateTimeOffset(2019, 9, 3, 17, 57, 53, 155, TimeSpan.Zero), card.DateCreated);

        Assert.Equal("20003", result.ResponseCode);
        Assert.Equal(t.RetryDate, result.RetryDate);
    }

    [Fact]
    public async Task The_approved_variant_is_approved_without_a_retry_date()
    {
        var result = await ReadAsync(WireSamples.Approved2019);

        Assert.Equal(FlexPayOutcome.Approved, result.Outcome);
        Assert.True(result.IsApproved);
        Assert.Equal("10000", result.ResponseCode);
        Assert.Null(result.RetryDate);
        Assert.Equal("Stored", result.Transaction?.PaymentMethod?.StorageState);
    }

    [Fact]
    public async Task A_retry_date_without_an_offset_is_read_as_utc()
    {
        var body = WireSamples.SoftDecline2019.Replace("\"2019-09-04T00:00:00Z\"", "\"2022-12-01T22:00:00\"", StringComparison.Ordinal);

        var result = await ReadAsync(body);

        Assert.Equal(new DateTimeOffset(2022, 12, 1, 22, 0, 0, TimeSpan.Zero), result.RetryDate);
        Assert.Equal(TimeSpan.Zero, result.RetryDate!.Value.Offset);
    }

    [Theory]
    [InlineData("2019-09-04T00:00:00Z", 0)]
    [InlineData("2019-09-04T00:00:00.8Z", 8_000_000)]
    [InlineData("2019-09-04T00:00:00.82Z", 8_200_000)]
    [InlineData("2019-09-04T00:00:00.01Z", 100_000)]
    [InlineData("2019-09-04T00:00:00.3062179Z", 3_062_179)]
    [InlineData("2019-09-04T00:00:00.3062179", 3_062_179)]
    [InlineData("2019-09-04T02:00:00.5+02:00", 5_000_000)]
    public async Task Dates_with_zero_to_seven_fractional_digits_are_read_exactly(string wire, long ticksAfterMidnight)
    {
        var body = WireSamples.SoftDecline2019.Replace("\"2019-09-04T00:00:00Z\"", $"\"{wire}\"", StringComparison.Ordinal);

        var result = await ReadAsync(body);

        Assert.Equal(new DateTimeOffset(2019, 9, 4, 0, 0, 0, TimeSpan.Zero).AddTicks(ticksAfterMidnight), result.RetryDate);
    }

    [Fact]
    public async Task An_amount_sent_as_a_string_is_read_as_minor_units()
    {
        var body = WireSamples.SoftDecline2019.Replace("\"amount\":2008", "\"amount\":\"2008\"", StringComparison.Ordinal);

        var result = await ReadAsync(body);

        Assert.Equal(2008L, result.Transaction?.Amount);
    }

    [Fact]
    public async Task A_response_code_sent_as_a_number_stays_text()
    {
        var body = WireSamples.SoftDecline2019.Replace("\"responseCode\":\"20003\"", "\"responseCode\":20003", StringComparison.Ordinal);

        var result = await ReadAsync(body);

        Assert.Equal("20003", result.ResponseCode);
        Assert.Equal(FlexPayOutcome.SoftDeclineWithRetryDate, result.Outcome);
    }

    [Fact]
    public async Task Unknown_members_and_unknown_enum_like_values_are_tolerated()
    {
        var body = WireSamples.SoftDecline2019
            .Replace("\"disableCustomerRecovery\":false", """
                "disableCustomerRecovery":"false","engagedRecoveryState":0,"productSku":null,"subscriptionId":"sub-9",
                "paymentModel":"subscription","brandNewMember":{"nested":[1,2,3]},"anotherOne":true
                """, StringComparison.Ordinal)
            .Replace("\"transactionType\":\"Charge\"", "\"transactionType\":\"SomeFutureType\"", StringComparison.Ordinal)
            .Replace("\"expiryYear\":\"2020\"", "\"expiryYear\":2020", StringComparison.Ordinal);

        var result = await ReadAsync(body);

        var t = Assert.IsType<FlexPayTransaction>(result.Transaction);
        Assert.Equal("SomeFutureType", t.TransactionType);
        Assert.Equal(0, t.EngagedRecoveryState);
        Assert.Equal("sub-9", t.SubscriptionId);
        Assert.Equal("subscription", t.PaymentModel);
        Assert.False(t.DisableCustomerRecovery);
        Assert.Equal("2020", t.PaymentMethod?.ExpiryYear);
    }

    [Fact]
    public async Task The_get_one_gateway_specific_members_are_kept_as_json()
    {
        var body = WireSamples.Approved2019.Replace(
            "\"disableCustomerRecovery\":false",
            "\"disableCustomerRecovery\":false,\"gatewaySpecificFields\":{\"gatewaySpecificFields\":{}},\"gatewaySpecificResponseFields\":{\"gatewaySpecificFields\":{\"authCode\":\"123\"}}",
            StringComparison.Ordinal);

        var result = await ReadAsync(body);

        Assert.Equal("123", result.Transaction?.GatewaySpecificResponseFields?.GetProperty("gatewaySpecificFields").GetProperty("authCode").GetString());
    }

    [Fact]
    public async Task Nulls_in_members_promised_non_null_read_as_empty_text()
    {
        var body = """{"transaction":{"transactionId":null,"message":null,"responseCode":"50131","transactionStatus":2,"currencyCode":null}}""";

        var result = await ReadAsync(body);

        Assert.Equal("", result.Transaction?.TransactionId);
        Assert.Equal("", result.Transaction?.Message);
        Assert.Null(result.Transaction?.CurrencyCode);
        Assert.Equal(FlexPayOutcome.ValidationError, result.Outcome);
    }

    private static async Task<TransactionResult> ReadAsync(string body)
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson(body));
        return await harness.Client.GetTransactionAsync(ClientHarness.Key, "ZAQ2WSX3EDC4RFV5TGB6YHN7UJ");
    }
}
