using FlexPay.Core.Accounts;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Tests.Recovery.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Recovery.Refunds;

/// <summary>
/// The refund processor under an Idempotency-Key, against the sandbox on a fake clock: the key decides the
/// merchantTransactionId, so even a refund FlexPay made whose row we lost is read back instead of made again; a refund
/// left Sending is swept and resolved like an attempt.
/// </summary>
public sealed class IdempotentRefundTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private RefundProcessor Refunds => _engine.Services.GetRequiredService<RefundProcessor>();

    [Fact]
    public void The_merchant_transaction_id_of_a_keyed_refund_depends_on_the_chain_and_the_key_only()
    {
        var chain = Guid.NewGuid();

        Assert.Equal(MerchantTransactionIds.ForRefund(chain, "k-1"), MerchantTransactionIds.ForRefund(chain, "k-1"));
        Assert.NotEqual(MerchantTransactionIds.ForRefund(chain, "k-1"), MerchantTransactionIds.ForRefund(chain, "k-2"));
        Assert.NotEqual(MerchantTransactionIds.ForRefund(chain, "k-1"), MerchantTransactionIds.ForRefund(Guid.NewGuid(), "k-1"));
        Assert.Matches("^rf-[0-9a-f]{32}$", MerchantTransactionIds.ForRefund(chain, "k-1"));
    }

    [Fact]
    public async Task A_refund_flexpay_made_whose_row_was_lost_is_read_back_and_not_made_again()
    {
        var chain = await RecoveredAsync();
        // FlexPay made the refund; our write of it was lost (a restored backup): the database knows nothing.
        var made = await _engine.Services.GetRequiredService<FlexPayClient>().RefundAsync(
            _engine.Services.GetRequiredService<IFlexPayAccounts>().GetApiKey(chain.Company), chain.RecoveredTransactionId!,
            new FollowUpRequest(MerchantTransactionIds.ForRefund(chain.Id, "lost-row"), 1000));
        Assert.Equal("10000", made.ResponseCode);

        var refund = await Refunds.RefundAsync(chain.Id, 1000, "Goodwill", "finance", "lost-row");
        Assert.Equal(RefundStatus.OutcomeUnknown, refund.Status);
        await _engine.AdvanceToNextRunAsync();

        var resolved = Assert.Single((await _engine.ChainAsync(chain.Id)).Refunds);
        Assert.Equal(RefundStatus.Approved, resolved.Status);
        Assert.Equal(made.TransactionId, resolved.TransactionId);
        Assert.Single(await ApprovedRefundsAtSandboxAsync());
    }

    [Fact]
    public async Task The_same_key_and_request_replays_and_another_request_under_it_is_refused()
    {
        var chain = await RecoveredAsync();

        var first = await Refunds.SubmitAsync(chain.Id, 1000, "Goodwill", "finance", "same-key", CancellationToken.None);
        var again = await Refunds.SubmitAsync(chain.Id, 1000, " Goodwill ", "finance", "same-key", CancellationToken.None);

        Assert.False(first.Replayed);
        Assert.Equal(new RefundSubmission(first.RefundId, Replayed: true), again);
        await Assert.ThrowsAsync<IdempotencyConflictException>(() => Refunds.SubmitAsync(chain.Id, 999, "Goodwill", "finance", "same-key", CancellationToken.None));
        await Assert.ThrowsAsync<IdempotencyConflictException>(() => Refunds.SubmitAsync(chain.Id, null, "Goodwill", "finance", "same-key", CancellationToken.None));
        Assert.Equal(RefundStatus.Approved, (await Refunds.AwaitAnswerAsync(first.RefundId, TimeSpan.FromMinutes(1), CancellationToken.None)).Status);
        Assert.Single(await ApprovedRefundsAtSandboxAsync());
    }

    [Fact]
    public async Task A_refund_left_sending_by_this_process_is_swept_checked_and_sent_once()
    {
        var chain = await RecoveredAsync();
        Guid refundId;
        await using (var db = await _engine.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync())
        {
            // Committed, never sent: the process died (or its write failed) between the two.
            var stored = await db.Chains.WithHistory().SingleAsync(c => c.Id == chain.Id);
            refundId = stored.RequestRefund(1000, "Goodwill", "finance", _engine.Clock.GetUtcNow()).Id;
            await db.SaveChangesAsync();
        }
        var sweeper = _engine.Services.GetRequiredService<StalledWorkSweeper>();

        Assert.Equal(0, await sweeper.SweepAsync());
        _engine.Clock.Advance(TimeSpan.FromSeconds(15) + new RecoveryOptions().StalledGrace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await sweeper.SweepAsync());
        Assert.Equal(RefundStatus.OutcomeUnknown, Assert.Single((await _engine.ChainAsync(chain.Id)).Refunds).Status);
        await _engine.RunDueAsync();

        var refund = Assert.Single((await _engine.ChainAsync(chain.Id)).Refunds);
        Assert.Equal((refundId, RefundStatus.Approved), (refund.Id, refund.Status));
        Assert.Single(await ApprovedRefundsAtSandboxAsync());
    }

    private async Task<RecoveryChain> RecoveredAsync()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(7500, merchantDeclinedAt: EngineHarness.Start.AddHours(-1)));
        await _engine.AdvanceToNextRunAsync();
        var chain = await _engine.ChainAsync(created.Chain!.Id);
        Assert.Equal(ChainState.Recovered, chain.State);
        return chain;
    }

    private async Task<IReadOnlyList<System.Text.Json.Nodes.JsonObject>> ApprovedRefundsAtSandboxAsync() =>
        [.. (await _engine.SandboxLogAsync()).Where(e => ((string?)e["path"])?.EndsWith("/refund", StringComparison.Ordinal) == true
            && (string?)e["responseCode"] == "10000")];
}
