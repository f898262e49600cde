using System.Text.Json.Nodes;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;
using FlexPay.Core.Tests.Recovery.Engine;
using Xunit.Abstractions;

namespace FlexPay.Core.Tests.Gateways;

/// <summary>Step 6 of the integration guide: enabling creates, changing updates, disabling sets RefundOnly, at FlexPay.</summary>
public sealed class GatewaySyncTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Step6_enable_update_credentials_and_disable_are_each_reflected_at_FlexPay()
    {
        var defined = await _engine.CreateAsync(GatewayBuilders.Draft("MID-step6", GatewayTypes.FlexPaySandbox));
        await _engine.Gateways().EnableAsync(defined.Id);
        await _engine.RunDueAsync();
        var token = (await _engine.GatewayAsync(defined.Id)).FlexPayToken!;
        var afterCreate = await _engine.AtFlexPayAsync(token);
        await _engine.Gateways().UpdateAsync(defined.Id, draft => draft with
        {
            Credentials = new Dictionary<string, string> { ["username"] = "merchant-2", ["password"] = GatewayBuilders.SecondPassword },
        });
        await _engine.RunDueAsync();
        await _engine.Gateways().DisableAsync(defined.Id, confirmed: false);
        await _engine.RunDueAsync();

        var calls = (await _engine.GatewayCallsAsync()).Where(c => (string?)c["method"] != "GET").Select(c => ((string?)c["method"], (string?)c["gatewayId"], (string?)c["gatewayStatus"], (int?)c["httpStatus"])).ToList();
        Assert.Equal([("POST", token, "Available", 200), ("PUT", token, "Available", 200), ("PUT", token, "RefundOnly", 200)], calls);
        Assert.Equal(FlexPayGatewayStatuses.Available, afterCreate.Status);
        Assert.Equal(FlexPayGatewayStatuses.RefundOnly, (await _engine.AtFlexPayAsync(token)).Status);
        var puts = _engine.FlexPayRequests.All.Where(r => r.Method == "PUT").Select(r => JsonNode.Parse(r.Body!)!["gateway"]!.AsObject()).ToList();
        Assert.NotNull(puts[0]["settings"]);
        Assert.Equal(["status"], puts[1].Select(p => p.Key));
        Assert.Equal(GatewaySyncState.InSync, (await _engine.GatewayAsync(defined.Id)).SyncState);

        output.WriteLine($"Step 6: gateway 'MID-step6' id {defined.Id}");
        foreach (var (method, id, status, http) in calls)
        {
            output.WriteLine($"  {method} /v1/gateways{(method == "POST" ? "" : "/" + id)} status={status} → HTTP {http}, token {id}");
        }
    }

    [Fact]
    public async Task A_gateway_defined_but_not_enabled_stays_here_only()
    {
        var gateway = await _engine.CreateAsync(GatewayBuilders.Draft("MID-draft"));

        Assert.Equal(GatewayDesiredState.Disabled, gateway.DesiredState);
        Assert.Equal(GatewaySyncState.InSync, gateway.SyncState);
        Assert.Null(gateway.FlexPayToken);
        Assert.Empty(_engine.Scheduler.Pending);
        Assert.Empty(await _engine.GatewayCallsAsync());
    }

    [Fact]
    public async Task Enabling_creates_the_gateway_at_FlexPay_as_Available_and_stores_its_token()
    {
        var defined = await _engine.CreateAsync(GatewayBuilders.Draft("MID-east"));
        var enabled = await _engine.Gateways().EnableAsync(defined.Id);
        Assert.Equal(GatewaySyncState.Pending, enabled.SyncState);
        Assert.Equal(GatewayChanges.Create, enabled.PendingChanges);

        await _engine.RunDueAsync();

        var gateway = await _engine.GatewayAsync(defined.Id);
        Assert.Equal(GatewaySyncState.InSync, gateway.SyncState);
        Assert.Equal(_engine.Clock.GetUtcNow(), gateway.LastSyncedAt);
        Assert.NotNull(gateway.FlexPayToken);
        var there = await _engine.AtFlexPayAsync(gateway.FlexPayToken);
        Assert.Equal("MID-east", there.Name);
        Assert.Equal(FlexPayGatewayStatuses.Available, there.Status);
        Assert.Equal("nmi", there.GatewayType);
        Assert.Equal("MID-MID-east", there.MerchantAccountReferenceId);
        Assert.Equal(["EUR", "USD"], there.AcceptedCurrencyCodes!.Order());
        Assert.Equal(2.9m, there.ApprovedChargeOrCaptureRateFee);
        Assert.Equal(["password", "username"], there.SettingKeys!.Order());
        var create = Assert.Single(await _engine.GatewayCallsAsync(), c => (string?)c["method"] == "POST");
        Assert.Equal(200, (int)create["httpStatus"]!);
    }

    [Fact]
    public async Task Changing_credentials_updates_FlexPay_and_sends_settings_only_then()
    {
        var gateway = await _engine.CreateAsync(GatewayBuilders.Draft("MID-west", enabled: true));
        var token = gateway.FlexPayToken!;

        await _engine.Gateways().UpdateAsync(gateway.Id, draft => draft with { Weight = 5, MerchantAccountReferenceId = "MID-W2" });
        await _engine.RunDueAsync();
        var settingsOnly = LastPut(token);
        Assert.Null(settingsOnly["gateway"]!["settings"]);
        Assert.Equal(5, (int)settingsOnly["gateway"]!["weight"]!);
        Assert.Equal(5, (await _engine.AtFlexPayAsync(token)).Weight);
        Assert.Equal("MID-W2", (await _engine.AtFlexPayAsync(token)).MerchantAccountReferenceId);

        var changed = await _engine.Gateways().UpdateAsync(gateway.Id, draft => draft with
        {
            Credentials = new Dictionary<string, string> { ["apiLogin"] = "login-2", ["transactionKey"] = GatewayBuilders.SecondPassword },
        });
        Assert.Equal(GatewayChanges.Credentials, changed.Gateway!.PendingChanges);
        await _engine.RunDueAsync();

        var withCredentials = LastPut(token);
        Assert.Equal(GatewayBuilders.SecondPassword, (string?)withCredentials["gateway"]!["settings"]!["transactionKey"]);
        Assert.Null(withCredentials["gateway"]!["weight"]);
        Assert.Equal(["apiLogin", "transactionKey"], (await _engine.AtFlexPayAsync(token)).SettingKeys!.Order());
        var synced = await _engine.GatewayAsync(gateway.Id);
        Assert.Equal(GatewaySyncState.InSync, synced.SyncState);
        Assert.Equal(token, synced.FlexPayToken);
    }

    [Fact]
    public async Task Disabling_sets_the_gateway_RefundOnly_and_enabling_again_sets_it_Available()
    {
        var gateway = await _engine.CreateAsync(GatewayBuilders.Draft("MID-north", enabled: true));
        var token = gateway.FlexPayToken!;

        var disabled = await _engine.Gateways().DisableAsync(gateway.Id, confirmed: false);
        Assert.True(disabled.Disabled);
        await _engine.RunDueAsync();
        Assert.Equal(FlexPayGatewayStatuses.RefundOnly, (await _engine.AtFlexPayAsync(token)).Status);
        var statusOnly = LastPut(token)["gateway"]!.AsObject();
        Assert.Equal(["status"], statusOnly.Select(p => p.Key));

        await _engine.Gateways().EnableAsync(gateway.Id);
        await _engine.RunDueAsync();

        Assert.Equal(FlexPayGatewayStatuses.Available, (await _engine.AtFlexPayAsync(token)).Status);
        Assert.Single(await _engine.ListAtFlexPayAsync());
        Assert.Equal(GatewaySyncState.InSync, (await _engine.GatewayAsync(gateway.Id)).SyncState);
    }

    [Fact]
    public async Task Renaming_is_allowed_before_creation_at_FlexPay_and_refused_after()
    {
        var gateway = await _engine.CreateAsync(GatewayBuilders.Draft("MID-old"));
        var renamed = await _engine.Gateways().UpdateAsync(gateway.Id, draft => draft with { Name = "MID-new" });
        Assert.Equal("MID-new", renamed.Gateway!.Name);

        await _engine.Gateways().EnableAsync(gateway.Id);
        await _engine.RunDueAsync();

        var refused = await Assert.ThrowsAsync<GatewayRuleException>(() => _engine.Gateways().UpdateAsync(gateway.Id, draft => draft with { Name = "MID-newer" }));
        Assert.Contains("cannot change", refused.Message, StringComparison.Ordinal);
        Assert.Equal("MID-new", (await _engine.GatewayAsync(gateway.Id)).Name);
        Assert.Equal("MID-new", (await _engine.ListAtFlexPayAsync()).Single().Name);
    }

    [Fact]
    public async Task Invalid_input_names_each_field_and_stores_nothing()
    {
        var result = await _engine.Gateways().CreateAsync(new GatewayDraft
        {
            Name = "",
            GatewayType = "not_a_gateway",
            CurrencyCode = "XXQ",
            Company = "nobody",
            Weight = -1,
            Credentials = new Dictionary<string, string> { ["bad key!"] = GatewayBuilders.Password },
        });

        Assert.False(result.IsValid);
        Assert.Equal(
            ["Company", "Credentials[0]", "CurrencyCode", "GatewayType", "Name", "Weight"],
            result.Errors.Keys.Select(k => k.Split('.')[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(GatewayBuilders.Password, string.Join(" ", result.Errors.SelectMany(e => e.Value)), StringComparison.Ordinal);
        Assert.Empty(await _engine.Gateways().ListAsync());
    }

    private JsonObject LastPut(string token) =>
        JsonNode.Parse(_engine.FlexPayRequests.All.Last(r => r.Method == "PUT" && r.Path.EndsWith("/gateways/" + token, StringComparison.Ordinal)).Body!)!.AsObject();
}
