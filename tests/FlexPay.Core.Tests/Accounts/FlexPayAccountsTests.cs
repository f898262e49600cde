using FlexPay.Core.Accounts;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;
using FlexPay.Core.Tests.Gateways;
using FlexPay.Core.Tests.Recovery.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Accounts;

/// <summary>Several FlexPay keys, one per company; gateways live under their company's key.</summary>
public sealed class FlexPayAccountsTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private IFlexPayAccounts Accounts => _engine.Services.GetRequiredService<IFlexPayAccounts>();

    [Fact]
    public async Task The_configured_key_becomes_the_default_sandbox_account_once()
    {
        var seeded = Assert.Single(Accounts.List());
        Assert.Equal(("default", FlexPayMode.Sandbox), (seeded.Company, seeded.Mode));
        Assert.Equal("default", Accounts.DefaultCompany);

        Assert.False(await _engine.Services.GetRequiredService<DefaultAccountSeeder>().SeedAsync());
        await _engine.RestartEngineAsync();

        Assert.Single(Accounts.List());
    }

    [Fact]
    public async Task A_gateway_of_another_company_is_created_with_that_company_s_key()
    {
        await Accounts.AddAsync("Acme", FlexPayMode.Sandbox, EngineHarness.SecondCompanyKey);
        var gateway = await _engine.CreateAsync(GatewayBuilders.Draft("MID-acme", enabled: true) with { Company = "Acme" });

        Assert.Equal(GatewaySyncState.InSync, gateway.SyncState);
        Assert.Empty(await _engine.ListAtFlexPayAsync());
        var theirs = await _engine.Client().ListGatewaysAsync(new FlexPayApiKey(EngineHarness.SecondCompanyKey));
        Assert.Equal(gateway.FlexPayToken, Assert.Single(theirs.Value!).Id);
        Assert.True((await _engine.Services.GetRequiredService<GatewayReconciler>().ReconcileAsync()).InSync);
    }

    [Fact]
    public async Task Keys_can_be_replaced_and_accounts_removed_only_when_nothing_uses_them()
    {
        await Accounts.AddAsync("Acme", FlexPayMode.Live, "first-key-0000000000000000");
        await Assert.ThrowsAsync<AccountRuleException>(() => Accounts.AddAsync("Acme", FlexPayMode.Live, "other-key-000000000000000"));
        await Assert.ThrowsAsync<AccountRuleException>(() => Accounts.AddAsync("Bad", FlexPayMode.Live, "has spaces in it"));

        var replaced = await Accounts.ReplaceKeyAsync("Acme", EngineHarness.SecondCompanyKey);
        Assert.Equal(EngineHarness.SecondCompanyKey, Accounts.GetApiKey("Acme").Value);
        Assert.Equal("****MDA=", replaced.KeyHint);

        await _engine.CreateAsync(GatewayBuilders.Draft("MID-acme") with { Company = "Acme" });
        var refused = await Assert.ThrowsAsync<AccountRuleException>(() => Accounts.RemoveAsync("Acme"));
        Assert.Contains("Gateways", refused.Message, StringComparison.Ordinal);

        await Accounts.AddAsync("Spare", FlexPayMode.Sandbox, "spare-key-00000000000000000");
        await Accounts.RemoveAsync("Spare");
        Assert.False(Accounts.Exists("Spare"));
        Assert.Throws<InvalidOperationException>(() => Accounts.GetApiKey("Spare"));
    }

    [Theory]
    [InlineData("Acme\u202E")]
    [InlineData("Ac\u200Bme")]
    [InlineData("\u2066Acme\u2069")]
    [InlineData("Acme\u0007")]
    public async Task A_company_name_that_could_display_as_another_is_refused(string company)
    {
        await Assert.ThrowsAsync<AccountRuleException>(() => Accounts.AddAsync(company, FlexPayMode.Sandbox, "spare-key-00000000000000000"));
        await Assert.ThrowsAsync<AccountRuleException>(() => Accounts.AddAsync("Acme", FlexPayMode.Sandbox, "spare-key\u200B-0000000000000000"));

        Assert.Equal(["default"], Accounts.List().Select(a => a.Company));
    }
}
