using System.Text;
using FlexPay.E2E.Pages;
using FlexPay.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E;

/// <summary>
/// What finance does with the recoveries list (issue 14): finds a payment by the start of its id in any case, shares or
/// reloads the view by its URL, goes Back from a recovery in one press, exports what it sees, and is never told "no
/// recoveries" while they are still loading.
/// </summary>
public sealed class FinanceWorkflowTests(ConsoleUnderTest console) : BrowserTest(console)
{
    [Fact]
    public async Task The_search_finds_the_start_of_an_order_id_in_any_case_and_the_view_survives_reload_back_and_a_new_tab()
    {
        var (sought, _) = await SubmitPairAsync();
        var page = await SignedInPageAsync();
        var list = new RecoveriesListPage(page);

        await list.OpenAsync();
        await list.Search.FillAsync(sought[..^2].ToLowerInvariant());
        await Expect(list.OrderLinks).ToHaveTextAsync([sought]);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]q=" + sought[..^2].ToLowerInvariant()));

        await page.ReloadAsync();
        await page.Locator("[data-interactive=yes]").WaitForAsync();
        await Expect(list.Search).ToHaveValueAsync(sought[..^2].ToLowerInvariant());
        await Expect(list.OrderLinks).ToHaveTextAsync([sought]);
        var listUrl = page.Url;

        // Ctrl-click opens the recovery in a new tab only; this one stays on the list.
        var newTab = page.Context.WaitForPageAsync();
        await list.OrderLinks.First.ClickAsync(new() { Modifiers = [KeyboardModifier.Control] });
        await (await newTab).CloseAsync();
        Assert.Equal(listUrl, page.Url);

        await list.OrderLinks.First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/recoveries/[0-9a-f-]{36}$"));
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(listUrl);
        await Expect(list.OrderLinks).ToHaveTextAsync([sought]);
    }

    [Fact]
    public async Task On_a_slow_link_the_list_says_it_is_loading_never_that_there_are_no_recoveries()
    {
        await SubmitPairAsync();
        var page = await SignedInPageAsync();
        var list = new RecoveriesListPage(page);
        // The circuit's script arrives seconds late: the prerendered page is all the user has meanwhile.
        var released = new TaskCompletionSource();
        await page.RouteAsync("**/_framework/blazor.web*.js", async route =>
        {
            await released.Task;
            await route.ContinueAsync();
        });

        await page.GotoAsync("/recoveries", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(list.Loading).ToBeVisibleAsync();
        await Expect(list.EmptyState).ToHaveCountAsync(0);
        await ConsoleUnderTest.ScreenshotAsync(page, "recoveries-loading");
        released.SetResult();

        await page.Locator("[data-interactive=yes]").WaitForAsync();
        await Expect(list.OrderLinks.First).ToBeVisibleAsync();
        await Expect(list.EmptyState).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_export_is_the_filtered_list_as_csv_from_the_screen_and_from_the_api()
    {
        var (sought, other) = await SubmitPairAsync();
        var page = await SignedInPageAsync();
        var list = new RecoveriesListPage(page);
        await list.OpenAsync("?q=" + sought);
        await Expect(list.OrderLinks).ToHaveTextAsync([sought]);

        var download = page.WaitForDownloadAsync();
        await list.Export.ClickAsync();
        var file = await (await download).PathAsync();
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Created (UTC),Order id,Customer id,E-mail,External id,Amount,Currency,State", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.Contains($",{sought},cust-42,jane@example.com,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",24.02,USD,", lines[1], StringComparison.Ordinal);

        using var api = await Console.Api.GetAsync($"api/v1/recoveries/export.csv?q={other.ToLowerInvariant()}&currency=usd");
        api.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", api.Content.Headers.ContentType?.MediaType);
        var apiLines = (await api.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, apiLines.Length);
        Assert.Contains($",{other},", apiLines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1280, 800, false)]
    [InlineData(1280, 800, true)]
    [InlineData(390, 844, false)]
    [InlineData(390, 844, true)]
    public async Task The_list_with_its_search_and_export_reads_well_in_each_size_and_theme(int width, int height, bool dark)
    {
        var (sought, _) = await SubmitPairAsync();
        var page = await SignedInPageAsync(width: width, height: height, dark: dark);
        var list = new RecoveriesListPage(page);

        await list.OpenAsync("?q=" + sought[..4].ToLowerInvariant());
        await Expect(list.OrderLinks.First).ToBeVisibleAsync();
        await Expect(list.Export).ToBeVisibleAsync();
        await Expect(page.Locator("main#main")).ToHaveCountAsync(1);
        await Expect(page.Locator("a.fp-skip-link[href='#main']")).ToHaveCountAsync(1);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the screen.");
        await ConsoleUnderTest.ScreenshotAsync(page, $"recoveries-search-{width}-{(dark ? "dark" : "light")}");
    }

    /// <summary>Two USD payments whose order ids share their first letters (FIN-…), returned as (first, second).</summary>
    private async Task<(string First, string Second)> SubmitPairAsync()
    {
        var ids = new List<string>();
        foreach (var _ in new[] { 1, 2 })
        {
            var payment = Payloads.DeclinedPayment(amount: 2402, currency: "USD");
            var orderId = "FIN-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
            payment["orderId"] = orderId;
            await Console.Api.SubmitAsync(payment);
            ids.Add(orderId);
        }
        return (ids[0], ids[1]);
    }
}
