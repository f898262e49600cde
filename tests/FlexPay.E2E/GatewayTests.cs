using FlexPay.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E;

public sealed class GatewayTests(ConsoleUnderTest console) : BrowserTest(console)
{
    [Fact]
    public async Task Two_gateways_created_on_the_page_are_created_at_FlexPay_and_shown_in_sync()
    {
        var page = await SignedInPageAsync();
        var gateways = new GatewaysPage(page);
        await gateways.OpenAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        string[] names = [$"MID-East-{suffix}", $"MID-West-{suffix}"];

        await gateways.CreateAsync(names[0], "USD", "east-secret");
        await gateways.CreateAsync(names[1], "EUR", "west-secret");

        foreach (var name in names)
        {
            await Expect(gateways.SyncState(name)).ToHaveTextAsync("In sync");
            await Expect(gateways.Row(name)).Not.ToContainTextAsync("not created");
        }
        await ConsoleUnderTest.ScreenshotAsync(page, "gateways-in-sync");
        var atFlexPay = await Console.SandboxGatewayNamesAsync();
        Assert.Contains(names[0], atFlexPay);
        Assert.Contains(names[1], atFlexPay);

        var audit = new AuditPage(page);
        await audit.OpenAsync(target: suffix);
        await Expect(audit.Rows.Filter(new() { HasText = "gateway.create" })).ToHaveCountAsync(2);
        await Expect(audit.Rows.Filter(new() { HasText = "east-secret" })).ToHaveCountAsync(0);
    }
}
