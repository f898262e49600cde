using FlexPay.Admin.Components.Pages.Recoveries;
using FlexPay.Admin.Identity;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Identity;

/// <summary>The recovery screens' server actions check the role themselves: a Viewer cannot refund or cancel, even by calling them.</summary>
public sealed class RecoveryActionAccessTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Fact]
    public async Task A_viewer_cannot_refund_even_by_invoking_the_server_action()
    {
        var chain = await SeedAsync(Builders.RecoveredChain(2402, "USD"));
        await using var scope = await SignedInScopeAsync(Roles.Viewer);

        var result = await scope.ServiceProvider.GetRequiredService<IRefundRequests>().RefundAsync(chain.Id, 1000, "Sneaky refund", "console-sneaky");

        Assert.Equal(RefundResultKind.Refused, result.Kind);
        Assert.Equal("Your role cannot refund charges.", result.Message);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Refunds.AnyAsync(r => r.ChainId == chain.Id));
    }

    [Fact]
    public async Task A_viewer_cannot_cancel_even_by_invoking_the_server_action()
    {
        var chain = await SeedAsync(Builders.ScheduledChain(dueAt: DateTimeOffset.UtcNow.AddDays(1)));
        await using var scope = await SignedInScopeAsync(Roles.Viewer);

        var result = await scope.ServiceProvider.GetRequiredService<RecoveryCommands>().CancelAsync(chain.Id, "Sneaky cancel");

        Assert.False(result.Succeeded);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        Assert.Equal(ChainState.Scheduled, (await db.Chains.SingleAsync(c => c.Id == chain.Id)).State);
    }

    [Fact]
    public async Task Finance_may_cancel_through_the_same_action()
    {
        var chain = await SeedAsync(Builders.ScheduledChain(dueAt: DateTimeOffset.UtcNow.AddDays(1)));
        await using var scope = await SignedInScopeAsync(Roles.Finance);

        var result = await scope.ServiceProvider.GetRequiredService<RecoveryCommands>().CancelAsync(chain.Id, "Customer asked");

        Assert.True(result.Succeeded, result.Message);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        Assert.Equal(ChainState.Cancelled, (await db.Chains.SingleAsync(c => c.Id == chain.Id)).State);
    }

    private async Task<RecoveryChain> SeedAsync(RecoveryChain chain)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        db.Chains.Add(chain);
        await db.SaveChangesAsync();
        return chain;
    }

    /// <summary>A circuit signed in as a new user with <paramref name="role"/>.</summary>
    private async Task<AsyncServiceScope> SignedInScopeAsync(string role) => await app.CircuitAsync(await app.CreateUserAsync(role));
}
