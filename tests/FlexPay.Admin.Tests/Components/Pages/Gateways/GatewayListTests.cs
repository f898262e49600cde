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
