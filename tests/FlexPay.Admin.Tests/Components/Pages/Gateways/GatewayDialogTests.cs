using Bunit;
using FlexPay.Admin.Components.Pages.Gateways;
using FlexPay.Admin.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FlexPay.Admin.Tests.Components.Pages.Gateways;

/// <summary>The gateway dialog asks for the credentials of the chosen gateway type, as password fields, and validates them.</summary>
public sealed class GatewayDialogTests : GatewayScreenTest
{
    public GatewayDialogTests() => this.SignInAs(Roles.Admin);

    [Theory]
    [InlineData("nmi", new[] { "security_key" })]
    [InlineData("authorize_net", new[] { "api_login_id", "transaction_key" })]
    [InlineData("braintree", new[] { "merchant_id", "public_key", "private_key" })]
    [InlineData("flexpay_sandbox", new[] { "apiKey" })]
    public async Task Each_gateway_type_asks_for_its_own_credentials_as_password_fields(string type, string[] credentials)
    {
        var dialogs = await OpenAsync(new GatewayForm { Draft = new() { GatewayType = type } });

        var fields = dialogs.FindAll("[data-test=credential-row] input");
        Assert.Equal(credentials.Length, fields.Count);
        Assert.All(fields, f => Assert.Equal("password", f.GetAttribute("type")));
        foreach (var credential in credentials)
        {
            Assert.Single(dialogs.FindAll($"[data-test=credential-{credential}]"));
        }
    }

    [Fact]
    public async Task A_type_without_a_known_schema_takes_named_credentials()
    {
        var dialogs = await OpenAsync(new GatewayForm { Draft = new() { GatewayType = "worldpay" } });

        Assert.Single(dialogs.FindAll("[data-test=credential-name]"));
        Assert.Equal("password", dialogs.Find("input[data-test=credential-value]").GetAttribute("type"));
    }

    [Fact]
    public async Task Creating_without_credentials_is_refused_and_nothing_is_stored()
    {
        var dialogs = await OpenAsync(new GatewayForm { Draft = new() { GatewayType = "authorize_net", Company = "default" } });
        dialogs.Find("input[data-test=name]").Input("MID Chicago");
        dialogs.Find("input[data-test=currency]").Input("USD");
        dialogs.Find("input[data-test=credential-api_login_id]").Input("login-1");

        dialogs.Find("button[data-test=save]").Click();

        dialogs.WaitForAssertion(() =>
        {
            Assert.Contains("Enter transaction_key.", dialogs.Markup, StringComparison.Ordinal);
            Assert.Contains("a new gateway needs them to connect", dialogs.Find("[data-test=gateway-error]").TextContent, StringComparison.Ordinal);
        });
        await using var db = OpenDb();
        Assert.Equal(0, await db.Gateways.CountAsync());
    }

    [Fact]
    public async Task An_empty_form_asks_for_name_and_currency()
    {
        var dialogs = await OpenAsync(new GatewayForm { Draft = new() { GatewayType = "nmi", Company = "default" } });

        dialogs.Find("button[data-test=save]").Click();

        dialogs.WaitForAssertion(() =>
        {
            Assert.Contains("Give the gateway a name.", dialogs.Markup, StringComparison.Ordinal);
            Assert.Contains("Give the gateway's settlement currency.", dialogs.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_complete_form_creates_the_gateway_with_its_credentials_sealed()
    {
        var dialogs = await OpenAsync(new GatewayForm { Draft = new() { GatewayType = "nmi", Company = "default" } });
        dialogs.Find("input[data-test=name]").Input("MID Austin");
        dialogs.Find("input[data-test=currency]").Input("usd");
        dialogs.Find("input[data-test=credential-security_key]").Input("s3cret-value");

        dialogs.Find("button[data-test=save]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("button[data-test=save]")));
        await using var db = OpenDb();
        var gateway = await db.Gateways.SingleAsync();
        Assert.Equal(("MID Austin", "USD", "nmi"), (gateway.Name, gateway.Profile.CurrencyCode, gateway.Profile.GatewayType));
        Assert.Equal(["security_key"], gateway.CredentialKeys);
    }

    [Fact]
    public async Task Editing_shows_only_the_credential_names_until_staff_replace_them()
    {
        var gateway = await SeedGatewayAsync("MID Denver");
        var dialogs = await OpenAsync(GatewayForm.From(gateway), gateway.Id, gateway.CredentialKeys);

        Assert.Contains("security_key", dialogs.Find("[data-test=credential-keys]").TextContent, StringComparison.Ordinal);
        Assert.Empty(dialogs.FindAll("[data-test=credential-row]"));

        dialogs.Find("button[data-test=replace-credentials]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("password", dialogs.Find("input[data-test=credential-security_key]").GetAttribute("type")));
    }

    [Fact]
    public async Task Renaming_a_gateway_FlexPay_has_shows_the_rule_and_keeps_the_name()
    {
        var gateway = await SeedGatewayAsync("MID Boston");
        var dialogs = await OpenAsync(GatewayForm.From(gateway), gateway.Id, gateway.CredentialKeys);

        dialogs.Find("input[data-test=name]").Input("MID Cambridge");
        dialogs.Find("button[data-test=save]").Click();

        dialogs.WaitForAssertion(() =>
            Assert.Contains("a gateway's name is set at creation and cannot change", dialogs.Find("[data-test=gateway-error]").TextContent, StringComparison.Ordinal));
        await using var db = OpenDb();
        Assert.Equal("MID Boston", (await db.Gateways.SingleAsync()).Name);
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(GatewayForm form, Guid? id = null, IReadOnlyList<string>? keys = null)
    {
        var provider = Render<MudDialogProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<GatewayDialog> { { d => d.Model, form }, { d => d.GatewayId, id }, { d => d.CredentialKeys, keys ?? [] } };
        await provider.InvokeAsync(() => service.ShowAsync<GatewayDialog>("Gateway", parameters));
        provider.WaitForElement("button[data-test=save]");
        return provider;
    }
}
