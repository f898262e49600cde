using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi.Emulator;

/// <summary>The emulator can send <c>retryDate</c> without an offset, as FlexPay did in 2022.</summary>
public sealed class EmulatorOffsetlessRetryDateTests : EmulatorTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sandbox:OffsetlessRetryDate"] = "true" };

    [Fact]
    public async Task An_offsetless_retry_date_is_still_the_same_utc_instant()
    {
        var result = await Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(2012));

        Assert.Equal(FlexPayOutcome.SoftDeclineWithRetryDate, result.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero), result.RetryDate);
    }
}
