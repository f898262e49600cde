using Bunit;
using FlexPay.Admin.Components.Pages.Gateways;
using FlexPay.Admin.Gateways;
using FlexPay.Admin.Identity;
using FlexPay.Core.Gateways;
using FlexPay.Core.Tests.Support;
using FlexPay.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor;

namespace FlexPay.Admin.Tests.Components.Pages.Gateways;

/// <summary>What each role sees on the gateway list, and the warning before a disable strands scheduled retries.</summary>
public sealed class GatewayListTests : GatewayScreenTest
{
    [Theory]
    [InlineData(Roles.Viewer, false)]
    [InlineData(Roles.Finance, false)]
    [InlineData(Roles.Admin, true)]
    public async Task Only_administrators_are_offered_gateway_actions(string role, bool offered)
    {
        this.SignInAs(role);
        await SeedGatewayAsync("MID Seattle");

        var page = Render<GatewayList>();

        page.WaitForAssertion(() => Assert.Contains("MID Seattle", page.Markup, StringComparison.Ordinal));
        Assert.Equal(offered, page.FindAll("[data-test=new-gateway]").Count == 1);
        Assert.Equal(offered, page.FindAll("[data-test=reconcile]").Count == 1);
        Assert.Equal(offered, page.FindAll("[data-test=gateway-actions]").Count == 1);
    }

    [Fact]
    public async Task The_server_refuses_a_change_from_a_viewer_even_without_the_button()
    {
        var log = new CapturingLoggerProvider();
        Services.AddSingleton<ILoggerProvider>(log);
        this.SignInAs(Roles.Viewer);
        var gateway = await SeedGatewayAsync("MID Portland");
        var admin = Services.GetRequiredService<GatewayAdministration>();

        var outcome = await admin.DisableAsync(gateway.Id, confirmed: true);

        Assert.False(outcome.Succeeded);
        await using var db = OpenDb();
        Assert.Equal(GatewayDesiredState.Enabled, (await db.Gateways.SingleAsync()).DesiredState);
        Assert.Contains(log.Lines, line => line.Contains("may not disable a gateway", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disabling_a_gateway_with_scheduled_retries_lists_them_and_changes_nothing_until_confirmed()
    {
        this.SignInAs(Roles.Admin);
        var gateway = await SeedGatewayAsync("MID Miami", token: "gw_miami");
        var chain = await SeedChainPinnedToAsync("gw_miami");
        var popovers = Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<GatewayList>();
        page.WaitForElement("[data-test=gateway-actions] button");

        await OpenMenuAndChooseAsync(page, popovers, "disable");
        var warning = dialogs.WaitForElement("[data-test=bound-chains]");
        Assert.Contains(chain.ExternalId, warning.TextContent, StringComparison.Ordinal);
        Assert.Equal(GatewayDesiredState.Enabled, await DesiredStateAsync());

        dialogs.Find("button[data-test=keep-enabled]").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-test=bound-chains]")));
        Assert.Equal(GatewayDesiredState.Enabled, await DesiredStateAsync());

        await OpenMenuAndChooseAsync(page, popovers, "disable");
        dialogs.WaitForElement("button[data-test=confirm-disable]").Click();

        await Eventually.ReturnsAsync(DesiredStateAsync, state => state == GatewayDesiredState.Disabled, "the gateway to be disabled");
        Assert.Contains(gateway.Id, Scheduler.Scheduled);
    }

    [Fact]
    public async Task The_disable_warning_moves_every_bound_recovery_to_the_gateway_chosen_then_disables()
    {
        this.SignInAs(Roles.Admin);
        var leaving = await SeedGatewayAsync("MID Boston", token: "gw_boston");
        await SeedGatewayAsync("MID Denver", token: "gw_denver");
        var first = await SeedChainPinnedToAsync("gw_boston");
        var second = await SeedChainPinnedToAsync("gw_boston");
        var popovers = Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<GatewayList>();
        page.WaitForElement("[data-test=gateway-actions] button");

        await page.FindAll("[data-test=gateway-actions] button")[0].ClickAsync(new());
        popovers.WaitForElement("[data-test=disable]").Click();
        dialogs.WaitForElement("button[data-test=move-bound]").Click();
        dialogs.WaitForElement("[data-test=move-gateway]");
        Assert.Contains("2 open recoveries", dialogs.Markup, StringComparison.Ordinal);
        var choice = dialogs.FindComponent<MudSelect<Gateway>>();
        var offered = choice.FindComponents<MudSelectItem<Gateway>>().Select(i => i.Instance.Value!).ToList();
        Assert.Equal(["MID Denver"], offered.Select(g => g.Name));
        await choice.InvokeAsync(() => choice.Instance.SelectOption(offered[0]));
        dialogs.WaitForElement("button[data-test=confirm-move]:not([disabled])").Click();

        await Eventually.ReturnsAsync(async () =>
        {
            await using var db = OpenDb();
            return await db.Gateways.AsNoTracking().SingleAsync(g => g.Id == leaving.Id);
        }, g => g.DesiredState == GatewayDesiredState.Disabled, "the gateway to be disabled once its recoveries moved");
        await using var db = OpenDb();
        var moved = await db.Chains.AsNoTracking().Where(c => c.Id == first.Id || c.Id == second.Id).Select(c => c.PinnedGatewayToken).ToListAsync();
        Assert.Equal(["gw_denver", "gw_denver"], moved);
        Assert.Equal(2, Scheduler.ArmedAttempts.Count);
        Assert.Empty(dialogs.FindAll("[data-test=bound-chains]"));
    }

    [Fact]
    public async Task Disabling_a_gateway_no_retry_depends_on_asks_nothing()
    {
        this.SignInAs(Roles.Admin);
        await SeedGatewayAsync("MID Tampa", token: "gw_tampa");
        var popovers = Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<GatewayList>();
        page.WaitForElement("[data-test=gateway-actions] button");

        await OpenMenuAndChooseAsync(page, popovers, "disable");

        await Eventually.ReturnsAsync(DesiredStateAsync, state => state == GatewayDesiredState.Disabled, "the gateway to be disabled");
        Assert.Empty(dialogs.FindAll("[data-test=bound-chains]"));
    }

    private static async Task OpenMenuAndChooseAsync(IRenderedComponent<GatewayList> page, IRenderedComponent<MudPopoverProvider> popovers, string action)
    {
        await page.Find("[data-test=gateway-actions] button").ClickAsync(new());
        popovers.WaitForElement($"[data-test={action}]").Click();
    }

    private async Task<GatewayDesiredState> DesiredStateAsync()
    {
        await using var db = OpenDb();
        return (await db.Gateways.AsNoTracking().SingleAsync()).DesiredState;
    }
}
