using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi.Emulator;

/// <summary>The whole registered pipeline, HttpClientFactory's trace logging included, never logs the key or the card.</summary>
public sealed class EmulatorLoggingTests : EmulatorTest
{
    [Fact]
    public async Task Trace_level_logs_of_a_real_exchange_hold_no_key_card_number_or_credential()
    {
        await Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(2008));
        await Host.Client.CreatePaymentMethodAsync(EmulatorHost.Key, new CreatePaymentMethodRequest { Card = FlexPayTestData.Visa() });
        await Host.Client.CreateGatewayAsync(EmulatorHost.Key, new GatewayDefinition
        {
            Name = "Logged",
            GatewayType = "flexpay_sandbox",
            CurrencyCode = "USD",
            Settings = new Dictionary<string, string> { ["password"] = "gateway-secret-value" },
        });

        var logs = string.Join('\n', Host.ClientLogs.Lines.Snapshot());

        Assert.Contains("Authorization", logs, StringComparison.Ordinal);
        Assert.Contains("SoftDeclineWithRetryDate", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorHost.Key.Value, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(FlexPayTestData.VisaNumber, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("gateway-secret-value", logs, StringComparison.Ordinal);
    }
}
