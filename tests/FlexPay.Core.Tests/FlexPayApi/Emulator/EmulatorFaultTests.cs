using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi.Emulator;

/// <summary>
/// Outages injected by the emulator over real sockets: a dropped connection, a server error and a server
/// slower than the client's timeout, and the reconciliation that follows an unknown outcome.
/// </summary>
public sealed class EmulatorFaultTests : EmulatorTest
{
    // Short enough for the slow-server test to end soon, long enough that a healthy local call on a loaded 2-core
    // machine never times out (500 ms once failed the reconciling read in CI).
    protected override TimeSpan? ClientTimeout => TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_charge_whose_connection_drops_is_unknown_until_reconciled_by_merchant_transaction_id()
    {
        var request = FlexPayTestData.Charge(1000);
        await Host.SetFaultsAsync(new { dropRate = 1.0 });

        var charge = await Host.Client.ChargeAsync(EmulatorHost.Key, request);
        await Host.SetFaultsAsync(new { dropRate = 0.0 });
        var reconciled = await Host.Client.GetByMerchantTransactionIdAsync(EmulatorHost.Key, request.MerchantTransactionId);

        Assert.Equal(FlexPayOutcome.OutcomeUnknown, charge.Outcome);
        Assert.True(charge.MayHaveMovedMoney);
        Assert.True(reconciled.IsApproved);
        Assert.Equal(request.MerchantTransactionId, reconciled.Transaction?.MerchantTransactionId);
    }

    [Fact]
    public async Task A_read_whose_connection_drops_is_unreachable()
    {
        await Host.SetFaultsAsync(new { dropRate = 1.0 });

        var read = await Host.Client.GetTransactionAsync(EmulatorHost.Key, "ANYTRANSACTION");
        var gateways = await Host.Client.ListGatewaysAsync(EmulatorHost.Key);

        Assert.Equal(FlexPayOutcome.Unreachable, read.Outcome);
        Assert.Equal(FlexPayOutcome.Unreachable, gateways.Outcome);
    }

    [Fact]
    public async Task A_server_error_is_reported_as_such_and_sends_nothing_twice()
    {
        var request = FlexPayTestData.Charge(1000);
        await Host.SetFaultsAsync(new { serverErrorRate = 1.0 });

        var charge = await Host.Client.ChargeAsync(EmulatorHost.Key, request);
        var gateway = await Host.Client.GetGatewayAsync(EmulatorHost.Key, "ANY");
        await Host.SetFaultsAsync(new { serverErrorRate = 0.0 });
        var reconciled = await Host.Client.GetByMerchantTransactionIdAsync(EmulatorHost.Key, request.MerchantTransactionId);

        Assert.Equal(FlexPayOutcome.ServerError, charge.Outcome);
        Assert.Equal(500, charge.HttpStatus);
        Assert.True(charge.MayHaveMovedMoney);
        Assert.Equal(FlexPayOutcome.ServerError, gateway.Outcome);
        Assert.Equal(FlexPayOutcome.NotFound, reconciled.Outcome);
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_leaves_a_charge_unknown_and_a_read_unreachable()
    {
        await Host.SetFaultsAsync(new { timeoutRate = 1.0, timeoutDelay = "00:10:00" });

        var charge = await Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(1000));
        var read = await Host.Client.GetByMerchantTransactionIdAsync(EmulatorHost.Key, "mt-any");

        Assert.Equal(FlexPayOutcome.OutcomeUnknown, charge.Outcome);
        Assert.Null(charge.HttpStatus);
        Assert.Equal(FlexPayOutcome.Unreachable, read.Outcome);
    }
}
