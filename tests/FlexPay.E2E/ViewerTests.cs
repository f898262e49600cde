using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.E2E.Pages;
using FlexPay.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E;

/// <summary>A Viewer sees recoveries and cannot move money or read what is not theirs, whatever they type into the address bar.</summary>
public sealed class ViewerTests(ConsoleUnderTest console) : BrowserTest(console)
{
    private const string ViewerPassword = "Viewer-Pass-2026!";

    [Fact]
    public async Task A_viewer_created_by_the_admin_sees_a_recovered_charge_but_cannot_refund_it_nor_open_admin_pages()
    {
        var viewerEmail = $"viewer-{Guid.NewGuid():N}"[..15] + "@flexpay.test";
        var admin = await SignedInPageAsync();
        var users = new UsersPage(admin);
        await users.OpenAsync();
        await users.CreateAsync(viewerEmail, ViewerPassword, "Viewer");
        await Expect(users.Row(viewerEmail)).ToContainTextAsync("Viewer");
        var chainId = await RecoveredChainAsync();

        var viewer = await SignedInPageAsync(viewerEmail, ViewerPassword);
        var recovery = new RecoveryPage(viewer);
        await recovery.OpenAsync(chainId);
        await Expect(recovery.State).ToHaveTextAsync("Recovered");
        await Expect(recovery.RefundButton).ToHaveCountAsync(0);
        await ConsoleUnderTest.ScreenshotAsync(viewer, "viewer-recovery");

        foreach (var adminPage in (string[])["/users", "/audit", "/settings", "/certification"])
        {
            await viewer.GotoAsync(adminPage);
            await Expect(viewer.GetByText("You don't have access to this page")).ToBeVisibleAsync();
        }
        await ConsoleUnderTest.ScreenshotAsync(viewer, "viewer-refused");
        foreach (var export in (string[])["/audit/export.csv", "/hangfire"])
        {
            var response = await viewer.Context.APIRequest.GetAsync(export, new() { MaxRedirects = 0 });
            Assert.Equal(403, response.Status);
        }

        // A crafted refund with the Viewer's cookie, straight at the refund endpoint: refused, nothing refunded.
        var crafted = await viewer.Context.APIRequest.PostAsync($"/api/v1/recoveries/{chainId}/refunds", new()
        {
            DataObject = new { amount = 100, reason = "Crafted by a viewer" },
            MaxRedirects = 0,
        });
        Assert.Equal(401, crafted.Status);
        var stored = (await Console.Api.GetFromJsonAsync<JsonObject>($"api/v1/recoveries/{chainId}"))!;
        Assert.Empty(stored["refunds"]!.AsArray());
        Assert.Equal("Recovered", (string?)stored["state"]);
    }

    private async Task<string> RecoveredChainAsync()
    {
        var id = await Console.Api.SubmitAsync(Payloads.DeclinedPayment(amount: 2401, currency: "GBP"));
        await Console.Api.WaitForStateAsync(id, "Recovered", TimeSpan.FromSeconds(60));
        return id;
    }
}
