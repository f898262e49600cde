using Bunit;
using FlexPay.Admin.Components.Pages.Recoveries;
using FlexPay.Admin.Components.Shared;
using FlexPay.Admin.Identity;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FlexPay.Admin.Tests.Components.Pages.Recoveries;

/// <summary>The recovery page over a real (migrated) SQLite database, with the app's real policies.</summary>
public sealed class RecoveryDetailTests : ComponentTest
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"flexpay-detail-{Guid.NewGuid():N}.db");

    public RecoveryDetailTests()
    {
        Services.AddDbContextFactory<FlexPayDbContext>(o => o.UseSqlite($"Data Source={_databasePath};Pooling=False"));
        Services.AddAuditTrail();
        Services.AddSingleton<IRecoveryScheduler, NoScheduler>();
        Services.AddTransient<ChainActions>();
        Services.AddTransient<ChainDetails>();
        Services.AddScoped<RecoveryCommands>();
        Services.AddScoped<ViewerBrowser>();
        Services.AddSingleton<IValidator<CancelForm>, CancelFormValidator>();
    }

    [Theory]
    [InlineData(Roles.Viewer, false)]
    [InlineData(Roles.Finance, true)]
    [InlineData(Roles.Admin, true)]
    public async Task Only_roles_that_decide_retries_are_offered_cancel(string role, bool offered)
    {
        this.SignInAs(role);
        var chain = await SeedAsync(Builders.ScheduledChain());

        var page = Render<RecoveryDetail>(p => p.Add(d => d.Id, chain.Id));

        page.WaitForElement("[data-test=timeline]");
        Assert.Equal(offered, page.FindAll("[data-test=cancel-recovery]").Count == 1);
        Assert.Empty(page.FindAll("[data-test=refund]"));
    }

    [Theory]
    [InlineData(Roles.Viewer, false)]
    [InlineData(Roles.Finance, true)]
    public async Task Only_roles_that_refund_are_offered_refund_of_a_recovered_charge(string role, bool offered)
    {
        this.SignInAs(role);
        var chain = await SeedAsync(Builders.RecoveredChain(2402, "USD"));

        var page = Render<RecoveryDetail>(p => p.Add(d => d.Id, chain.Id));

        page.WaitForElement("[data-test=timeline]");
        Assert.Equal(offered, page.FindAll("[data-test=refund]").Count == 1);
        Assert.Empty(page.FindAll("[data-test=cancel-recovery]"));
    }

    [Fact]
    public async Task A_scheduled_recovery_counts_down_to_its_next_retry()
    {
        this.SignInAs(Roles.Viewer);
        var chain = await SeedAsync(Builders.ScheduledChain());

        var page = Render<RecoveryDetail>(p => p.Add(d => d.Id, chain.Id));

        // The builders' chain was due in the past (fixed clock), so it is due now by the real clock.
        page.WaitForAssertion(() => Assert.Equal("due now", page.Find("[data-test=countdown]").TextContent));
    }

    [Fact]
    public async Task Finance_cancels_with_a_reason_and_the_page_shows_the_cancelled_state()
    {
        this.SignInAs(Roles.Finance, "finance@flexpay.test");
        var chain = await SeedAsync(Builders.ScheduledChain());
        var dialogs = Render<MudDialogProvider>();
        var page = Render<RecoveryDetail>(p => p.Add(d => d.Id, chain.Id));

        page.WaitForElement("[data-test=cancel-recovery]").Click();
        dialogs.WaitForElement("[data-test=cancel-reason]").Input("Customer closed the account");
        dialogs.Find("button[data-test=confirm-cancel]").Click();

        page.WaitForAssertion(() => Assert.Equal("Cancelled", page.Find("[data-test=state]").TextContent.Trim()));
        Assert.Contains("Cancelled by finance@flexpay.test: Customer closed the account", page.Find("[data-test=state-reason]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-test=cancel-recovery]"));
    }

    [Fact]
    public async Task The_page_follows_a_chain_that_changes_while_it_is_open()
    {
        this.SignInAs(Roles.Viewer);
        var chain = await SeedAsync(Builders.ScheduledChain());
        var page = Render<RecoveryDetail>(p => p.Add(d => d.Id, chain.Id));
        page.WaitForAssertion(() => Assert.Equal("Scheduled", page.Find("[data-test=state]").TextContent.Trim()));

        await Services.GetRequiredService<ChainActions>().CancelAsync(chain.Id, "finance@flexpay.test", "Customer closed the account");

        page.WaitForAssertion(
            () => Assert.Equal("Cancelled", page.Find("[data-test=state]").TextContent.Trim()),
            RecoveryDetail.RefreshInterval * 5);
    }

    [Fact]
    public async Task A_missing_recovery_says_so()
    {
        this.SignInAs(Roles.Viewer);
        await SeedAsync();

        var page = Render<RecoveryDetail>(p => p.Add(d => d.Id, Guid.NewGuid()));

        page.WaitForAssertion(() => Assert.Equal("This recovery does not exist", page.Find("[data-test=status-title]").TextContent.Trim()));
    }

    private async Task<RecoveryChain> SeedAsync(params RecoveryChain[] chains)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        db.Chains.AddRange(chains);
        await db.SaveChangesAsync();
        return chains.FirstOrDefault()!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_databasePath);
    }

    private sealed class NoScheduler : IRecoveryScheduler
    {
        public void ArmAttempts(DateTimeOffset dueAt)
        {
        }

        public void ScheduleRefundCheck(Guid refundId, DateTimeOffset runAt)
        {
        }
    }
}
