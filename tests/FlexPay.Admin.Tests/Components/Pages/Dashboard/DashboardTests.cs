using Bunit;
using FlexPay.Admin.Identity;
using FlexPay.Core.Certification;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DashboardPage = FlexPay.Admin.Components.Pages.Dashboard.Dashboard;

namespace FlexPay.Admin.Tests.Components.Pages.Dashboard;

/// <summary>The dashboard over a real (migrated) SQLite database.</summary>
public sealed class DashboardTests : ComponentTest
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"flexpay-dashboard-{Guid.NewGuid():N}.db");

    public DashboardTests()
    {
        Services.AddDbContextFactory<FlexPayDbContext>(o => o.UseSqlite($"Data Source={_databasePath};Pooling=False"));
    }

    [Fact]
    public async Task Recovered_money_is_shown_per_currency_and_never_added_across_currencies()
    {
        this.SignInAs(Roles.Viewer);
        await SeedAsync(
            Builders.RecoveredChain(7500, "USD", refunded: 2500),
            Builders.RecoveredChain(1025, "USD"),
            Builders.RecoveredChain(1500, "JPY"),
            Builders.RecoveredChain(1250, "BHD"),
            Builders.ScheduledChain(9999, "EUR"),
            Builders.FailedChain(4200, "USD"));

        var page = Render<DashboardPage>();

        var rows = page.WaitForElements("[data-test=recovered-per-currency] tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(
            [
                ["BHD", "1", "1.250 BHD", "0.000 BHD"],
                ["JPY", "1", "1,500 JPY", "0 JPY"],
                ["USD", "2", "85.25 USD", "25.00 USD"],
            ],
            rows);
        Assert.DoesNotContain("EUR", page.Find("[data-test=recovered-per-currency]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chains_are_counted_by_state()
    {
        this.SignInAs(Roles.Viewer);
        await SeedAsync(Builders.ScheduledChain(), Builders.ScheduledChain(), Builders.FailedChain(), Builders.RecoveredChain(100, "USD", refunded: 100));

        var page = Render<DashboardPage>();

        var counts = page.WaitForElements("[data-test=chains-by-state] tr")
            .ToDictionary(r => r.QuerySelector("td")!.TextContent.Trim(), r => r.QuerySelector(".fp-num")!.TextContent.Trim());
        Assert.Equal(new Dictionary<string, string> { ["Scheduled"] = "2", ["Failed"] = "1", ["Refunded"] = "1" }, counts);
    }

    [Fact]
    public async Task With_no_recoveries_yet_it_says_how_they_arrive()
    {
        this.SignInAs(Roles.Viewer);
        await SeedAsync();

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("No recoveries yet", page.Find("[data-test=empty-state]").TextContent, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Finance, false)]
    [InlineData(Roles.Viewer, false)]
    public async Task Only_administrators_are_offered_the_job_dashboard(string role, bool offered)
    {
        this.SignInAs(role);
        await SeedAsync();

        var page = Render<DashboardPage>();

        page.WaitForElement("[data-test=empty-state]");
        Assert.Equal(offered, page.FindAll("[data-test=open-job-dashboard]").Count == 1);
    }

    [Fact]
    public async Task A_certification_runs_recoveries_count_only_once_the_switch_shows_them()
    {
        this.SignInAs(Roles.Viewer);
        await SeedAsync(Builders.RecoveredChain(7500, "USD"));
        await SeedCertificationAsync(Builders.RecoveredChain(1500, "JPY"), Builders.FailedChain(3016, "USD"));

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal(["USD"], Currencies(page)));
        Assert.Equal(["Recovered"], page.FindAll("[data-test=chains-by-state] tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        page.Find("input[data-test=show-certification]").Change(true);
        page.WaitForAssertion(() => Assert.Equal(["JPY", "USD"], Currencies(page)));
        Assert.Equal(["Recovered", "Failed"], page.FindAll("[data-test=chains-by-state] tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.EndsWith("?includeCertification=true", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_only_certification_recoveries_it_says_none_arrived_yet_and_still_offers_the_switch()
    {
        this.SignInAs(Roles.Viewer);
        await SeedAsync();
        await SeedCertificationAsync(Builders.RecoveredChain(1500, "JPY"));

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("No recoveries yet", page.Find("[data-test=empty-state]").TextContent, StringComparison.Ordinal));
        page.Find("input[data-test=show-certification]").Change(true);
        page.WaitForAssertion(() => Assert.Equal(["JPY"], Currencies(page)));
    }

    private static List<string> Currencies(IRenderedComponent<DashboardPage> page) =>
        [.. page.FindAll("[data-test=recovered-per-currency] tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim())];

    private async Task SeedCertificationAsync(params RecoveryChain[] chains)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        var runId = Guid.NewGuid();
        foreach (var chain in chains)
        {
            db.Chains.Add(chain).Property(CertificationTag.RunId).CurrentValue = runId;
        }
        await db.SaveChangesAsync();
    }

    private async Task SeedAsync(params RecoveryChain[] chains)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        db.Chains.AddRange(chains);
        await db.SaveChangesAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_databasePath);
    }
}
