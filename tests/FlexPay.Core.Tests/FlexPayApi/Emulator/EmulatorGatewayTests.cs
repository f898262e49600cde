using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi.Emulator;

/// <summary>The Gateway Management API on the paths of flexpay-api.md §5.6, and routing charges to a created gateway.</summary>
public sealed class EmulatorGatewayTests : EmulatorTest
{
    private static readonly GatewayDefinition Definition = new()
    {
        Name = "Second MID",
        GatewayType = "flexpay_sandbox",
        MerchantAccountReferenceId = "MID-2",
        CurrencyCode = "USD",
        AcceptedCurrencyCodes = ["USD", "EUR"],
        Weight = 3,
        CvvRequired = true,
        ApprovedChargeOrCaptureRateFee = 2.9m,
        ApprovedChargeOrCaptureFlatFee = 0.30m,
        Settings = new Dictionary<string, string> { ["username"] = "merchant", ["password"] = "gateway-secret" },
    };

    [Fact]
    public async Task A_gateway_is_created_read_listed_updated_and_deleted()
    {
        var created = await Host.Client.CreateGatewayAsync(EmulatorHost.Key, Definition);
        Assert.True(created.IsOk, $"{created.Outcome} {created.ErrorMessage}");
        var id = created.Value!.Id;

        var read = await Host.Client.GetGatewayAsync(EmulatorHost.Key, id);
        var listed = await Host.Client.ListGatewaysAsync(EmulatorHost.Key);
        var updated = await Host.Client.UpdateGatewayAsync(EmulatorHost.Key, id, new GatewayUpdate { Status = FlexPayGatewayStatuses.RefundOnly });
        var reweighted = await Host.Client.UpdateGatewayAsync(EmulatorHost.Key, id, new GatewayUpdate { Profile = Definition with { Weight = 1 } });
        var deleted = await Host.Client.DeleteGatewayAsync(EmulatorHost.Key, id);
        var afterDeletion = await Host.Client.GetGatewayAsync(EmulatorHost.Key, id);

        Assert.Equal("Second MID", read.Value?.Name);
        Assert.Equal("MID-2", read.Value?.MerchantAccountReferenceId);
        Assert.Equal(["USD", "EUR"], read.Value?.AcceptedCurrencyCodes);
        Assert.Equal(3, read.Value?.Weight);
        Assert.True(read.Value?.CvvRequired);
        Assert.Equal(2.9m, read.Value?.ApprovedChargeOrCaptureRateFee);
        Assert.Equal(["password", "username"], read.Value?.SettingKeys);
        Assert.Contains(listed.Value!, g => g.Id == id);

        Assert.True(updated.IsOk, $"{updated.Outcome} {updated.ErrorMessage}");
        Assert.Equal(FlexPayGatewayStatuses.RefundOnly, updated.Value?.Status);
        Assert.Equal(3, updated.Value?.Weight);
        Assert.Equal("MID-2", updated.Value?.MerchantAccountReferenceId);
        Assert.Equal(["password", "username"], updated.Value?.SettingKeys);
        Assert.True(reweighted.IsOk, $"{reweighted.Outcome} {reweighted.ErrorMessage}");
        Assert.Equal(1, reweighted.Value?.Weight);
        Assert.Equal(FlexPayGatewayStatuses.RefundOnly, reweighted.Value?.Status);
        Assert.Equal(["password", "username"], reweighted.Value?.SettingKeys);

        Assert.True(deleted.IsOk);
        Assert.Equal(FlexPayOutcome.NotFound, afterDeletion.Outcome);
    }

    [Fact]
    public async Task New_settings_replace_the_old_ones()
    {
        var id = (await Host.Client.CreateGatewayAsync(EmulatorHost.Key, Definition)).Value!.Id;

        var updated = await Host.Client.UpdateGatewayAsync(
            EmulatorHost.Key, id, new GatewayUpdate { Settings = new Dictionary<string, string> { ["apiKey"] = "k" } });

        Assert.Equal(["apiKey"], updated.Value?.SettingKeys);
    }

    [Fact]
    public async Task A_charge_is_routed_to_the_gateway_it_names()
    {
        var id = (await Host.Client.CreateGatewayAsync(EmulatorHost.Key, Definition)).Value!.Id;

        var charge = await Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(1000) with { GatewayToken = id });

        Assert.True(charge.IsApproved, $"{charge.Outcome} {charge.ResponseCode}");
        Assert.Equal(id, charge.Transaction?.GatewayToken);
        Assert.Equal("MID-2", charge.Transaction?.MerchantAccountReferenceId);
    }

    [Fact]
    public async Task A_refund_only_gateway_declines_charges()
    {
        var id = (await Host.Client.CreateGatewayAsync(EmulatorHost.Key, Definition with { Status = FlexPayGatewayStatuses.RefundOnly })).Value!.Id;

        var charge = await Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(1000) with { GatewayToken = id });

        Assert.Equal(FlexPayOutcome.ValidationError, charge.Outcome);
        Assert.Equal("50156", charge.ResponseCode);
    }

    [Fact]
    public async Task An_invalid_gateway_type_is_a_bad_request()
    {
        var created = await Host.Client.CreateGatewayAsync(EmulatorHost.Key, Definition with { GatewayType = "no_such_type" });

        Assert.Equal(FlexPayOutcome.BadRequest, created.Outcome);
        Assert.Contains("50145", created.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_answers_under_the_emulators_prefix()
    {
        var anonymous = await Host.Client.CheckConnectionAsync();
        var withKey = await Host.Client.CheckConnectionAsync(EmulatorHost.Key);

        // The emulator checks the key on the health check too, so a client can test its configuration.
        Assert.Equal(FlexPayOutcome.AuthenticationFailed, anonymous.Outcome);
        Assert.True(withKey.IsOk);
    }
}
