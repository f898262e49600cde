using FlexPay.Core.Accounts;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Recovery;

/// <summary>
/// Sends one attempt to FlexPay exactly once. The attempt is claimed (committed as Sending) before
/// the call; an answer that may hide a charge leaves it OutcomeUnknown, and it is resent only after
/// FlexPay says it has no record of its merchantTransactionId. Running this twice, late, or after a
/// crash therefore never charges twice.
/// </summary>
public sealed class AttemptProcessor(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    FlexPayClient flexPay,
    IFlexPayAccounts accounts,
    IRecoveryScheduler scheduler,
    TimeProvider clock,
    IOptions<RecoveryOptions> options,
    ILogger<AttemptProcessor> logger)
{
    /// <summary>
    /// SQLite takes one writer at a time, and Microsoft.Data.Sqlite answers a busy database by sleeping
    /// 150 ms before it tries again: twenty workers claiming a burst of retries spent most of their time
    /// asleep. Queueing this process's attempt writes here hands the lock on in microseconds instead
    /// (docs/decisions/005).
    /// </summary>
    private static readonly SemaphoreSlim WriteGate = new(1, 1);

    public async Task ProcessAsync(Guid attemptId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await LoadChainAsync(db, attemptId, ct);
        var attempt = chain?.Attempts.Single(a => a.Id == attemptId);
        if (chain is null || attempt is null)
        {
            logger.AttemptMissing(attemptId);
            return;
        }

        switch (attempt.Status)
        {
            case AttemptStatus.Scheduled when chain.State == ChainState.Scheduled:
                if (attempt.DueAt - clock.GetUtcNow() > options.Value.EarlyWakeWindow)
                {
                    scheduler.ScheduleAttempt(attempt.Id, attempt.DueAt);
                    return;
                }
                // The timer's resolution is coarser than FlexPay's retry dates: a job woken a little early waits
                // out the remainder here, holding the chain it loaded, so that nothing but the claim's own write
                // stands between the instant and the request. Whatever changed the chain meanwhile (staff
                // cancelled it, another run claimed the attempt) bumped its Version, and the claim fails.
                while (attempt.DueAt - clock.GetUtcNow() is { Ticks: > 0 } early)
                {
                    await Task.Delay(early, clock, ct);
                }
                chain.ClaimAttempt(attempt.Id, clock.GetUtcNow());
                if (await TrySaveAsync(db, ct))
                {
                    await SendAsync(db, chain, attempt, ct);
                }
                return;
            case AttemptStatus.OutcomeUnknown:
                await ReconcileAsync(db, chain, attempt, ct);
                return;
            default:
                // Already sent, answered or cancelled: a repeated or late run does nothing.
                logger.NothingToDo(attempt.MerchantTransactionId, attempt.Status);
                return;
        }
    }

    private async Task SendAsync(FlexPayDbContext db, RecoveryChain chain, RecoveryAttempt attempt, CancellationToken ct)
    {
        var result = await flexPay.ChargeAsync(accounts.GetApiKey(chain.Company), ChargeRequests.For(chain, attempt), ct);
        var now = clock.GetUtcNow();
        if (result.MayHaveMovedMoney || result.Outcome is FlexPayOutcome.Unreachable || IsDuplicateOfEarlierSend(result, attempt))
        {
            chain.MarkOutcomeUnknown(attempt.Id, DescribeUnknown(result), now);
            await SaveAsync(db, ct);
            var reconcileAt = ReconcileBackoff.Next(attempt.SentAt, now, options.Value.MaxReconcileInterval);
            scheduler.ScheduleAttempt(attempt.Id, reconcileAt);
            logger.OutcomeUnknown(attempt.MerchantTransactionId, result.Outcome, reconcileAt);
            return;
        }
        await RecordAsync(db, chain, attempt, result, now, ct);
    }

    private async Task ReconcileAsync(FlexPayDbContext db, RecoveryChain chain, RecoveryAttempt attempt, CancellationToken ct)
    {
        var lookup = await flexPay.GetByMerchantTransactionIdAsync(accounts.GetApiKey(chain.Company), attempt.MerchantTransactionId, ct);
        var now = clock.GetUtcNow();
        if (lookup.Outcome == FlexPayOutcome.NotFound)
        {
            // FlexPay never recorded it: send it again under the same merchantTransactionId, so that if
            // it did arrive late FlexPay answers 50129 instead of charging a second time.
            chain.Resend(attempt.Id, now);
            if (await TrySaveAsync(db, ct))
            {
                await SendAsync(db, chain, attempt, ct);
            }
            return;
        }
        if (lookup.Transaction is null || !IsBusinessAnswer(lookup.Outcome))
        {
            var retryAt = ReconcileBackoff.Next(attempt.SentAt, now, options.Value.MaxReconcileInterval);
            scheduler.ScheduleAttempt(attempt.Id, retryAt);
            logger.ReconcileFailed(attempt.MerchantTransactionId, lookup.Outcome, retryAt);
            return;
        }
        logger.Reconciled(attempt.MerchantTransactionId, lookup.ResponseCode);
        await RecordAsync(db, chain, attempt, lookup, now, ct);
    }

    private async Task RecordAsync(
        FlexPayDbContext db, RecoveryChain chain, RecoveryAttempt attempt, TransactionResult answer, DateTimeOffset answeredAt, CancellationToken ct)
    {
        var next = chain.RecordAnswer(attempt.Id, answer, answeredAt);
        await SaveAsync(db, ct);
        logger.Answered(attempt.MerchantTransactionId, attempt.RetryCount, answer.ResponseCode, chain.Id, chain.State);
        if (next is not null)
        {
            scheduler.ScheduleAttempt(next.Id, next.DueAt);
        }
    }

    private static bool IsDuplicateOfEarlierSend(TransactionResult result, RecoveryAttempt attempt) =>
        result.ResponseCode == FlexPayCodes.DuplicateMerchantTransactionId && attempt.SendCount > 1;

    private static bool IsBusinessAnswer(FlexPayOutcome outcome) => outcome is
        FlexPayOutcome.Approved or FlexPayOutcome.SoftDeclineWithRetryDate or FlexPayOutcome.DeclinedWithoutRetryDate or
        FlexPayOutcome.HardDecline or FlexPayOutcome.RiskDecline or FlexPayOutcome.ValidationError;

    private static string DescribeUnknown(TransactionResult result) =>
        result.ResponseCode == FlexPayCodes.DuplicateMerchantTransactionId
            ? "FlexPay already has this merchantTransactionId from an earlier send; reading its outcome."
            : $"No answer from FlexPay ({result.Outcome}); checking whether the charge was made before anything is resent.";

    private static async Task<RecoveryChain?> LoadChainAsync(FlexPayDbContext db, Guid attemptId, CancellationToken ct)
    {
        var chainId = await db.Attempts.Where(a => a.Id == attemptId).Select(a => (Guid?)a.ChainId).SingleOrDefaultAsync(ct);
        return chainId is null
            ? null
            : await db.Chains.WithHistory().SingleAsync(c => c.Id == chainId, ct);
    }

    private static async Task SaveAsync(FlexPayDbContext db, CancellationToken ct)
    {
        await WriteGate.WaitAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            WriteGate.Release();
        }
    }

    /// <summary>False when another worker changed the chain first (it claimed the attempt, or staff cancelled).</summary>
    private async Task<bool> TrySaveAsync(FlexPayDbContext db, CancellationToken ct)
    {
        try
        {
            await SaveAsync(db, ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LostClaim();
            return false;
        }
    }
}
