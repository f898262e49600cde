using System.Net;
using FlexPay.Admin.Identity;
using FlexPay.Admin.Tests.Identity;

namespace FlexPay.Admin.Tests.Hosting;

/// <summary>
/// A Production console asked to run on its embedded sandbox warns on every page, the signed-in ones (their own
/// layout) as well as the sign-in page, that nothing real is charged.
/// </summary>
public sealed class EmbeddedSandboxBannerTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    private const string Banner = "data-test=\"embedded-sandbox-banner\"";

    [Theory]
    [InlineData("/")]
    [InlineData("/recoveries")]
    [InlineData("/refunds")]
    public async Task A_signed_in_page_carries_the_embedded_sandbox_warning(string path)
    {
        using var browser = await app.SignedInAsync(Roles.Viewer);

        using var page = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-interactive", html, StringComparison.Ordinal);
        Assert.Contains(Banner, html, StringComparison.Ordinal);
    }
}
