using FlexPay.Core.Accounts;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Recovery;

/// <summary>
/// Resolves an attempt whose outcome is unknown, exactly once: FlexPay is asked by merchantTransactionId, its
/// answer is recorded, and the attempt is resent (under the same id, so a late arrival answers 50129) only
/// when FlexPay has no record of it. Sending on time is <see cref="Dispatch.WindowDispatcher"/>'s job.
/// </summary>
public sealed class AttemptProcessor(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    FlexPayClient flexPay,
    IFlexPayAccounts accounts,
    IRecoveryScheduler scheduler,
    DatabaseWriteGate writeGate,
    TimeProvider clock,
    IOptions<RecoveryOptions> options,
    ILogger<AttemptProcessor> logger)
{
    public async Task CheckOutcomeAsync(Guid attemptId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await LoadChainAsync(db, attemptId, ct);
        var attempt = chain?.Attempts.Single(a => a.Id == attemptId);
        if (chain is null || attempt is null)
        {
            logger.AttemptMissing(attemptId);
            return;
        }
        if (attempt.Status != AttemptStatus.OutcomeUnknown)
        {
            // Answered meanwhile, or checked by another run: a repeated or late check does nothing.
            logger.NothingToDo(attempt.MerchantTransactionId, attempt.Status);
            return;
        }

        var lookup = await flexPay.GetByMerchantTransactionIdAsync(accounts.GetApiKey(chain.Company), attempt.MerchantTransactionId, ct);
        var now = clock.GetUtcNow();
        if (lookup.Outcome == FlexPayOutcome.NotFound)
        {
            // FlexPay never recorded it: send it again under the same merchantTransactionId, so that if
            // it did arrive late FlexPay answers 50129 instead of charging a second time.
            chain.Resend(attempt.Id, now);
            if (await TrySaveAsync(db, ct))
            {
                var result = await flexPay.ChargeAsync(accounts.GetApiKey(chain.Company), ChargeRequests.For(chain, attempt), ct);
                await RecordAsync(db, chain, attempt, result, clock.GetUtcNow(), ct);
            }
            return;
        }
        if (lookup.Transaction is null || !IsBusinessAnswer(lookup.Outcome))
        {
            var retryAt = ReconcileBackoff.Next(attempt.SentAt, now, options.Value.MaxReconcileInterval);
            chain.MarkOutcomeUnknown(attempt.Id, attempt.ResponseMessage, now, retryAt);
            if (await TrySaveAsync(db, ct))
            {
                scheduler.ArmAttempts(retryAt);
                logger.ReconcileFailed(attempt.MerchantTransactionId, lookup.Outcome, retryAt);
            }
            return;
        }
        logger.Reconciled(attempt.MerchantTransactionId, lookup.ResponseCode);
        await RecordAsync(db, chain, attempt, lookup, now, ct);
    }

    private async Task RecordAsync(
        FlexPayDbContext db, RecoveryChain chain, RecoveryAttempt attempt, TransactionResult answer, DateTimeOffset answeredAt, CancellationToken ct)
    {
        var applied = SendAnswers.Apply(chain, attempt, answer, answeredAt, options.Value.MaxReconcileInterval);
        if (!await TrySaveAsync(db, ct))
        {
            return;
        }
        if (applied.CheckAt is { } checkAt)
        {
            logger.OutcomeUnknown(attempt.MerchantTransactionId, answer.Outcome, checkAt);
        }
        else
        {
            logger.Answered(attempt.MerchantTransactionId, attempt.RetryCount, answer.ResponseCode, chain.Id, chain.State);
        }
        if (applied.ArmAt is { } armAt)
        {
            scheduler.ArmAttempts(armAt);
        }
    }

    private static bool IsBusinessAnswer(FlexPayOutcome outcome) => outcome is
        FlexPayOutcome.Approved or FlexPayOutcome.SoftDeclineWithRetryDate or FlexPayOutcome.DeclinedWithoutRetryDate or
        FlexPayOutcome.HardDecline or FlexPayOutcome.RiskDecline or FlexPayOutcome.ValidationError;

    private static async Task<RecoveryChain?> LoadChainAsync(FlexPayDbContext db, Guid attemptId, CancellationToken ct)
    {
        var chainId = await db.Attempts.Where(a => a.Id == attemptId).Select(a => (Guid?)a.ChainId).SingleOrDefaultAsync(ct);
        return chainId is null
            ? null
            : await db.Chains.WithHistory().SingleAsync(c => c.Id == chainId, ct);
    }

    /// <summary>False when another worker changed the chain first (it checked the attempt, or its send was swept as stalled).</summary>
    private async Task<bool> TrySaveAsync(FlexPayDbContext db, CancellationToken ct)
    {
        try
        {
            await writeGate.WriteAsync(() => db.SaveChangesAsync(ct), ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LostClaim();
            return false;
        }
    }
}
