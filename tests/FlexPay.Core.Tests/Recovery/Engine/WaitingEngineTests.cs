using FlexPay.Core.Accounts;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Recovery.Engine;

/// <summary>A retry due while its account's key cannot be read waits, sends nothing, and goes on once the key is entered again.</summary>
public sealed class WaitingEngineTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_retry_of_an_account_whose_key_is_unreadable_waits_and_goes_on_with_the_same_retry_once_the_key_is_back()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(2008));
        await _engine.RunDueAsync();
        await LoseTheAccountKeyAsync();

        await _engine.AdvanceToNextRunAsync();

        var waiting = await _engine.ChainAsync(created.Chain!.Id);
        Assert.Equal(ChainState.Waiting, waiting.State);
        Assert.Equal(WaitReasons.AccountKey("default"), waiting.StateReason);
        Assert.Equal(AttemptStatus.Waiting, waiting.Attempts[^1].Status);
        Assert.Single(await _engine.ProcessedChargesAsync());
        Assert.Equal(0, await _engine.Services.GetRequiredService<WaitingChains>().GoOnWhereReadyAsync());

        await _engine.Services.GetRequiredService<IFlexPayAccounts>().ReplaceKeyAsync("default", SandboxOptions.DevelopmentApiKey);
        Assert.Equal(1, await _engine.Services.GetRequiredService<WaitingChains>().GoOnWhereReadyAsync());
        await _engine.RunDueAsync();

        var sent = await _engine.ProcessedChargesAsync();
        Assert.Equal(2, sent.Count);
        Assert.Equal(1, (int)sent[1]["retryCount"]!);
        Assert.Equal((string?)sent[0]["responseReferenceData"], (string?)sent[1]["referenceData"]);
        Assert.NotEqual(ChainState.Waiting, (await _engine.ChainAsync(created.Chain.Id)).State);
    }

    /// <summary>As after a lost key ring: the stored key no longer decrypts (read afresh by a restarted engine).</summary>
    private async Task LoseTheAccountKeyAsync()
    {
        await using (var db = await _engine.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE FlexPayAccounts SET ProtectedApiKey = 'not-a-protected-key'");
        }
        await _engine.RestartEngineAsync();
        Assert.True(_engine.Services.GetRequiredService<IFlexPayAccounts>().NeedsReentry("default"));
    }
}
