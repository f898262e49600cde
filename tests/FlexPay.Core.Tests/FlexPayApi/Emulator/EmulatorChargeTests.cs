using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi.Emulator;

/// <summary>Charges and authorizations through the real client against the emulator's sandbox rules (flexpay-api.md §4).</summary>
public sealed class EmulatorChargeTests : EmulatorTest
{
    [Fact]
    public async Task The_test_visa_at_2008_is_a_soft_decline_with_a_retry_date_and_reference_data()
    {
        var result = await Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(2008));

        Assert.Equal(FlexPayOutcome.SoftDeclineWithRetryDate, result.Outcome);
        Assert.Equal("20003", result.ResponseCode);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero), result.RetryDate);
        Assert.False(string.IsNullOrEmpty(result.Transaction?.ReferenceData));
        Assert.False(string.IsNullOrEmpty(result.Transaction?.AssignedGatewayToken));
        Assert.Equal("492020******9560", result.Transaction?.PaymentMethod?.CreditCardNumber);
        Assert.Equal(2008L, result.Transaction?.Amount);
        Assert.Equal("Charge", result.Transaction?.TransactionType);
    }

    [Theory]
    [InlineData(3016, "30011", FlexPayOutcome.HardDecline)]
    [InlineData(4018, "40000", FlexPayOutcome.RiskDecline)]
    [InlineData(5023, "50000", FlexPayOutcome.ValidationError)]
    public async Task Trigger_amounts_decline_without_a_retry_date(long amount, string code, FlexPayOutcome expected)
    {
        var result = await Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(amount));

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(code, result.ResponseCode);
        Assert.Null(result.RetryDate);
        Assert.Equal(200, result.HttpStatus);
    }

    [Fact]
    public async Task Any_other_amount_is_approved()
    {
        var request = FlexPayTestData.Charge(1999);

        var result = await Host.Client.ChargeAsync(EmulatorHost.Key, request);

        Assert.True(result.IsApproved);
        Assert.Equal("10000", result.ResponseCode);
        Assert.Equal(request.MerchantTransactionId, result.Transaction?.MerchantTransactionId);
        Assert.False(string.IsNullOrEmpty(result.Transaction?.TransactionId));
        Assert.Equal("S", result.Transaction?.Response?.AvsCode);
        Assert.Equal("M", result.Transaction?.Response?.CvvCode);
    }

    [Fact]
    public async Task An_authorization_is_approved_as_an_authorize()
    {
        var result = await Host.Client.AuthorizeAsync(EmulatorHost.Key, FlexPayTestData.Charge(1000));

        Assert.True(result.IsApproved);
        Assert.Equal("Authorize", result.Transaction?.TransactionType);
    }

    [Fact]
    public async Task A_card_that_is_not_a_test_card_is_a_hard_decline()
    {
        var card = FlexPayTestData.Visa() with { Number = "4000300011112220" };

        var result = await Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(1000, card));

        Assert.Equal(FlexPayOutcome.HardDecline, result.Outcome);
        Assert.Equal("30016", result.ResponseCode);
    }

    [Fact]
    public async Task A_retry_carrying_the_reference_data_recovers_the_payment()
    {
        var first = FlexPayTestData.Charge(2008);
        var declined = await Host.Client.ChargeAsync(EmulatorHost.Key, first);

        var retry = FlexPayTestData.Charge(1000) with
        {
            OrderId = first.OrderId,
            RetryCount = 1,
            ReferenceData = declined.Transaction!.ReferenceData,
            GatewayToken = declined.Transaction.AssignedGatewayToken,
            DateFirstAttempt = declined.Transaction.DateFirstAttempt,
        };
        var recovered = await Host.Client.ChargeAsync(EmulatorHost.Key, retry);

        Assert.True(recovered.IsApproved);
        Assert.Equal(1, recovered.Transaction?.RetryCount);
        Assert.Equal(declined.Transaction.AssignedGatewayToken, recovered.Transaction?.GatewayToken);
    }

    [Fact]
    public async Task Disabling_recovery_turns_a_recoverable_decline_into_a_no_retry_code()
    {
        var result = await Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(7028) with { DisableCustomerRecovery = true });

        Assert.Equal(FlexPayOutcome.HardDecline, result.Outcome);
        Assert.Equal("30080", result.ResponseCode);
    }

    [Fact]
    public async Task A_reused_merchant_transaction_id_is_a_validation_error()
    {
        var request = FlexPayTestData.Charge(1000);
        await Host.Client.ChargeAsync(EmulatorHost.Key, request);

        var again = await Host.Client.ChargeAsync(EmulatorHost.Key, request);

        Assert.Equal(FlexPayOutcome.ValidationError, again.Outcome);
        Assert.Equal("50129", again.ResponseCode);
    }

    [Fact]
    public async Task An_unknown_key_fails_authentication()
    {
        var result = await Host.Client.ChargeAsync(new FlexPayApiKey("bm90LWEta2V5LWF0LWFsbC0wMDAwMDAwMDAwMDAwMDA="), FlexPayTestData.Charge());

        Assert.Equal(FlexPayOutcome.AuthenticationFailed, result.Outcome);
        Assert.Equal(401, result.HttpStatus);
        Assert.False(result.MayHaveMovedMoney);
    }
}
