using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi.Emulator;

/// <summary>Vaulting a card, charging its token, reading and redacting it (flexpay-api.md §2.9).</summary>
public sealed class EmulatorVaultTests : EmulatorTest
{
    [Fact]
    public async Task A_vaulted_card_is_read_back_masked_charged_by_token_and_redacted()
    {
        var created = await Host.Client.CreatePaymentMethodAsync(
            EmulatorHost.Key, new CreatePaymentMethodRequest { CustomerId = "cust-1", Card = FlexPayTestData.Visa() });
        Assert.True(created.IsApproved, $"{created.Outcome} {created.ResponseCode}");
        var id = created.Transaction!.PaymentMethod!.PaymentMethodId!;

        var read = await Host.Client.GetPaymentMethodAsync(EmulatorHost.Key, id);
        var charge = await Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(1000) with { Card = null, PaymentMethodId = id });
        var redacted = await Host.Client.RedactPaymentMethodAsync(EmulatorHost.Key, id);
        var afterRedaction = await Host.Client.GetPaymentMethodAsync(EmulatorHost.Key, id);

        Assert.True(read.IsOk);
        Assert.Equal("Stored", read.Value?.StorageState);
        Assert.Equal("492020******9560", read.Value?.CreditCardNumber);
        Assert.Equal("9560", read.Value?.LastFourDigits);
        Assert.Equal("VISA", read.Value?.CardType);
        Assert.True(charge.IsApproved, $"{charge.Outcome} {charge.ResponseCode}");
        Assert.Equal(id, charge.Transaction?.PaymentMethod?.PaymentMethodId);
        Assert.True(redacted.IsApproved);
        Assert.Equal("Redacted", redacted.Transaction?.PaymentMethod?.StorageState);
        Assert.Equal("Redacted", afterRedaction.Value?.StorageState);
    }

    [Fact]
    public async Task A_card_number_of_the_wrong_length_is_a_validation_error_in_an_http_200()
    {
        var card = FlexPayTestData.Visa() with { Number = "49202019964495601234" };

        var created = await Host.Client.CreatePaymentMethodAsync(EmulatorHost.Key, new CreatePaymentMethodRequest { Card = card });

        Assert.Equal(FlexPayOutcome.ValidationError, created.Outcome);
        Assert.Equal("50060", created.ResponseCode);
        Assert.Equal(200, created.HttpStatus);
    }

    [Fact]
    public async Task A_gateway_stored_card_is_vaulted()
    {
        var stored = new GatewayStoredCard
        {
            GatewayPaymentMethodId = "cus_12345",
            MerchantAccountReferenceId = "Sandbox123",
            FirstSixDigits = "492020",
            LastFourDigits = "9560",
            ExpiryMonth = "07",
            ExpiryYear = "2030",
            FullName = "Jane Sample",
        };

        var created = await Host.Client.CreatePaymentMethodAsync(EmulatorHost.Key, new CreatePaymentMethodRequest { CustomerId = "cust-2", GatewayCard = stored });

        Assert.True(created.IsApproved, $"{created.Outcome} {created.ResponseCode}");
        Assert.Equal("GatewayPaymentMethodId", created.Transaction?.PaymentMethod?.PaymentMethodType);
    }

    [Fact]
    public async Task An_unknown_payment_method_is_not_found()
    {
        var read = await Host.Client.GetPaymentMethodAsync(EmulatorHost.Key, "NOSUCHPAYMENTMETHOD0000000");

        Assert.Equal(FlexPayOutcome.NotFound, read.Outcome);
    }
}
