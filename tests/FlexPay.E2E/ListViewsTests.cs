using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using FlexPay.E2E.Pages;
using FlexPay.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E;

/// <summary>
/// The Refunds, Gateways, Users and Audit log lists as finance uses them (issue 14, items 3 and 4): each keeps its
/// view in the address, so a refresh, Back and a pasted link show it again, and each exports what it shows as CSV.
/// </summary>
public sealed class ListViewsTests(ConsoleUnderTest console) : BrowserTest(console)
{
    private static readonly (int Width, int Height, bool Dark)[] Looks = [(1280, 800, false), (390, 844, false), (1280, 800, true), (390, 844, true)];

    [Fact]
    public async Task The_gateways_search_and_sort_survive_a_reload_back_from_another_page_and_a_pasted_link()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        string[] names = [$"MID-Alpha-{suffix}", $"MID-Beta-{suffix}", $"MID-Gamma-{suffix}"];
        foreach (var name in names)
        {
            await Console.Api.CreateEnabledAsync(name, "USD");
        }
        var page = await SignedInPageAsync();
        var gateways = new GatewaysPage(page);
        await gateways.OpenAsync();

        await gateways.Search.FillAsync(suffix);
        await Expect(gateways.Names).ToHaveTextAsync(names);
        await Expect(page).ToHaveURLAsync(new Regex($"[?&]q={suffix}"));

        await page.ReloadAsync();
        await page.Locator("[data-interactive=yes]").WaitForAsync();
        await Expect(gateways.Search).ToHaveValueAsync(suffix);
        await Expect(gateways.Names).ToHaveTextAsync(names);
        var listUrl = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Recoveries" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/recoveries$"));
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(listUrl);
        await Expect(gateways.Search).ToHaveValueAsync(suffix);
        await Expect(gateways.Names).ToHaveTextAsync(names);

        var pasted = await SignedInPageAsync();
        await pasted.GotoInteractiveAsync($"/gateways?q={suffix}&sort=Name&desc=true");
        await Expect(new GatewaysPage(pasted).Names).ToHaveTextAsync(names.Reverse());
    }

    [Fact]
    public async Task The_refunds_tab_and_filters_come_from_the_link_and_the_export_holds_what_they_show()
    {
        var payment = Payloads.DeclinedPayment(7500);
        payment.Remove("initialDecline");
        var chainId = await Console.Api.SubmitAsync(payment);
        await Console.Api.WaitForStateAsync(chainId, "Recovered");
        using (var refund = await Console.Api.PostAsJsonAsync($"api/v1/recoveries/{chainId}/refunds", new { amount = 1500, reason = "Goodwill" }))
        {
            refund.EnsureSuccessStatusCode();
        }
        var page = await SignedInPageAsync();
        var made = page.Locator("[data-test=refunds-made]");

        await page.GotoInteractiveAsync("/refunds?tab=made&status=Approved");
        await Expect(made).ToBeVisibleAsync();
        await Expect(made.Locator("[data-test=result-filter]")).ToHaveTextAsync("Approved");
        await Expect(made.Locator("tbody tr.mud-table-row").Filter(new() { HasText = (string)payment["orderId"]! })).ToHaveCountAsync(1);

        var download = page.WaitForDownloadAsync();
        await made.Locator("[data-test=export-csv]").ClickAsync();
        var bytes = await File.ReadAllBytesAsync(await (await download).PathAsync());
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Requested (UTC),Requested by,Order id,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains($",{payment["orderId"]},cust-42,15.00,USD,Goodwill,Approved,", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Tab, new() { Name = "Refundable charges" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("tab=made"));
        await page.ReloadAsync();
        await page.Locator("[data-interactive=yes]").WaitForAsync();
        await Expect(page.Locator("[data-test=refundable]")).ToBeVisibleAsync();
        await Expect(made).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_users_and_audit_log_searches_come_from_the_link()
    {
        var page = await SignedInPageAsync();

        await page.GotoInteractiveAsync("/users?q=admin%40flexpay");
        await Expect(page.Locator("input[data-test=search]")).ToHaveValueAsync("admin@flexpay");
        await Expect(page.Locator("[data-test=users] tbody tr.mud-table-row")).ToHaveCountAsync(1);

        await page.GotoInteractiveAsync("/audit?search=sign-in&outcome=Succeeded");
        await Expect(page.Locator("input[data-test=search]")).ToHaveValueAsync("sign-in");
        var rows = page.Locator("[data-test=audit] tbody tr.mud-table-row");
        await Expect(rows.First).ToBeVisibleAsync();
        await Expect(rows.Filter(new() { HasNotText = "sign-in" })).ToHaveCountAsync(0);
        await Expect(rows.Filter(new() { HasNotText = "Succeeded" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Each_list_with_its_export_button_reads_well_in_each_size_and_theme()
    {
        await Console.Api.CreateEnabledAsync($"MID-Look-{Guid.NewGuid().ToString("N")[..6]}", "USD");
        await Console.Api.SubmitAsync(Payloads.DeclinedPayment(2008));
        foreach (var (width, height, dark) in Looks)
        {
            var page = await SignedInPageAsync(width: width, height: height, dark: dark);
            foreach (var (path, name) in new[] { ("/refunds", "refundable"), ("/refunds?tab=made", "refunds"), ("/gateways", "gateways"), ("/users", "users"), ("/audit", "audit"), ("/", "dashboard") })
            {
                await page.GotoInteractiveAsync(path);
                await Expect(page.Locator("[data-test=export-csv], [data-test=export-audit]").Locator("visible=true").First).ToBeVisibleAsync();
                await Expect(page.GetByText("Loading")).ToHaveCountAsync(0);
                // The browser's colour scheme is read once the page is interactive.
                await Expect(page.Locator("[data-test=theme-toggle]")).ToHaveAttributeAsync("aria-label", dark ? "Use the light theme" : "Use the dark theme");
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the window.");
                await ConsoleUnderTest.ScreenshotAsync(page, $"list-{name}-{width}-{(dark ? "dark" : "light")}");
            }
        }
    }
}
