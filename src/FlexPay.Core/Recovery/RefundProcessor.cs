using FlexPay.Core.Accounts;
using FlexPay.Core.Audit;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Money;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Recovery;

/// <summary>
/// Refunds recovered charges through FlexPay with the same exactly-once protocol as attempts:
/// the refund is committed before the call, and an unknown outcome is read back by its
/// merchantTransactionId before anything is resent. Under an Idempotency-Key a request sent again gets the
/// refund the first one made; the send itself runs in <see cref="RefundsInFlight"/>, not in the caller's request.
/// </summary>
public sealed class RefundProcessor(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    FlexPayClient flexPay,
    IFlexPayAccounts accounts,
    IRecoveryScheduler scheduler,
    RefundsInFlight inFlight,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<RecoveryOptions> options,
    ILogger<RefundProcessor> logger)
{
    private const string AuditAction = "refund";

    /// <summary>
    /// Refunds <paramref name="amount"/> (all that remains when null) and waits for FlexPay's answer or its unknown
    /// outcome. Throws <see cref="RecoveryRuleException"/> when not allowed.
    /// </summary>
    public async Task<Refund> RefundAsync(Guid chainId, long? amount, string reason, string requestedBy, string? idempotencyKey = null, CancellationToken ct = default)
    {
        var submission = await SubmitAsync(chainId, amount, reason, requestedBy, idempotencyKey, ct);
        await (inFlight.Find(submission.RefundId) ?? Task.CompletedTask).WaitAsync(ct);
        return await ReadAsync(submission.RefundId, ct);
    }

    /// <summary>
    /// Records the refund and starts sending it, or, for a key already used with the same request, finds the refund
    /// that request made. Returns before FlexPay answers. Throws <see cref="RecoveryRuleException"/> when not allowed,
    /// <see cref="IdempotencyConflictException"/> when the key came with a different request.
    /// </summary>
    public async Task<RefundSubmission> SubmitAsync(Guid chainId, long? amount, string reason, string requestedBy, string? idempotencyKey, CancellationToken ct)
    {
        var call = idempotencyKey is null ? null : IdempotentCall.For(idempotencyKey, new { chainId, amount, reason = reason.Trim() });
        var actorName = await audit.ActorNameAsync();
        RefundSubmission submission;
        try
        {
            submission = await RecordAsync(chainId, amount, reason, requestedBy, call, ct);
        }
        catch (DomainRuleException refused)
        {
            await audit.RecordAsAsync(actorName, AuditAction, Target(chainId), AuditOutcome.Refused, refused.Message, ct);
            throw;
        }
        if (!submission.Replayed)
        {
            _ = inFlight.Send(submission.RefundId, actorName);
        }
        return submission;
    }

    /// <summary>The refund once FlexPay's answer is stored, or as it stands after <paramref name="wait"/>.</summary>
    public async Task<Refund> AwaitAnswerAsync(Guid refundId, TimeSpan wait, CancellationToken ct)
    {
        if (inFlight.Find(refundId) is { } sending)
        {
            try
            {
                await sending.WaitAsync(wait, clock, ct);
            }
            catch (TimeoutException)
            {
                // Still sending: the caller gets the refund as it stands and polls it.
            }
        }
        return await ReadAsync(refundId, ct);
    }

    /// <summary>One refund of one chain as stored. Throws <see cref="RefundNotFoundException"/> when the chain has no such refund.</summary>
    public async Task<Refund> ReadAsync(Guid chainId, Guid refundId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Refunds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == refundId && r.ChainId == chainId, ct)
            ?? throw new RefundNotFoundException(chainId, refundId);
    }

    private async Task<Refund> ReadAsync(Guid refundId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Refunds.AsNoTracking().SingleAsync(r => r.Id == refundId, ct);
    }

    private async Task<RefundSubmission> RecordAsync(Guid chainId, long? amount, string reason, string requestedBy, IdempotentCall? call, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (call is not null && await db.EarlierResultAsync(IdempotentOperations.Refund, call, ct) is { } earlier)
            {
                return new RefundSubmission(earlier, Replayed: true);
            }
            var chain = await db.Chains.WithHistory().SingleOrDefaultAsync(c => c.Id == chainId, ct)
                ?? throw new RecoveryNotFoundException(chainId);
            var now = clock.GetUtcNow();
            var refund = chain.RequestRefund(amount, reason, requestedBy, now, call is null ? null : MerchantTransactionIds.ForRefund(chainId, call.Key));
            if (call is not null)
            {
                db.IdempotentRequests.Add(new IdempotentRequest(IdempotentOperations.Refund, call, refund.Id, now));
            }
            await db.SaveChangesAsync(ct);
            return new RefundSubmission(refund.Id, Replayed: false);
        }
        catch (Exception ex) when (call is not null && ex is RecoveryRuleException or DbUpdateException)
        {
            // The same key's first request may have won the race (its refund now refuses this one): answer with its refund.
            if (await EarlierAsync(call, ct) is { } earlier)
            {
                return new RefundSubmission(earlier, Replayed: true);
            }
            if (ex is DbUpdateException)
            {
                throw ChangedMeanwhile();
            }
            throw;
        }
        catch (DbUpdateException)
        {
            throw ChangedMeanwhile();
        }
    }

    private async Task<Guid?> EarlierAsync(IdempotentCall call, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.EarlierResultAsync(IdempotentOperations.Refund, call, ct);
    }

    private static RecoveryRuleException ChangedMeanwhile() =>
        new("The recovery changed while the refund was being made (another refund?). Reload and try again.");

    /// <summary>Sends a refund recorded as Sending and audits the outcome; run by <see cref="RefundsInFlight"/> under the host's lifetime.</summary>
    internal async Task SendRecordedAsync(Guid refundId, string actorName, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await db.Chains.WithHistory().SingleAsync(c => c.Refunds.Any(r => r.Id == refundId), ct);
        var refund = chain.Refunds.Single(r => r.Id == refundId);
        if (refund.Status != RefundStatus.Sending)
        {
            return;
        }
        try
        {
            await SendAsync(db, chain, refund, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await audit.RecordAsAsync(actorName, AuditAction, Target(chain.Id), AuditOutcome.Failed, ex.Message, CancellationToken.None);
            throw;
        }
        var outcome = refund.Status switch { RefundStatus.Approved => AuditOutcome.Succeeded, RefundStatus.Declined => AuditOutcome.Refused, _ => AuditOutcome.Failed };
        await audit.RecordAsAsync(actorName, AuditAction, Target(chain.Id), outcome,
            $"{new MoneyAmount(refund.Amount, chain.CurrencyCode)}, reason \"{refund.Reason}\": {refund.Status} {refund.ResponseCode} {refund.ResponseMessage} (FlexPay {refund.TransactionId})",
            ct);
    }

    private static string Target(Guid chainId) => $"recovery {chainId}";

    /// <summary>Resolves a refund whose outcome is unknown. Idempotent.</summary>
    public async Task CheckAsync(Guid refundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await db.Chains.WithHistory().SingleOrDefaultAsync(c => c.Refunds.Any(r => r.Id == refundId), ct);
        var refund = chain?.Refunds.Single(r => r.Id == refundId);
        if (chain is null || refund is null || refund.Status != RefundStatus.OutcomeUnknown)
        {
            return;
        }
        var lookup = await flexPay.GetByMerchantTransactionIdAsync(accounts.GetApiKey(chain.Company), refund.MerchantTransactionId, ct);
        var now = clock.GetUtcNow();
        if (lookup.Outcome == FlexPayOutcome.NotFound)
        {
            chain.ResendRefund(refund.Id, now);
            await db.SaveChangesAsync(ct);
            await SendAsync(db, chain, refund, ct);
        }
        else if (lookup.Transaction is not null && !lookup.MayHaveMovedMoney && lookup.Outcome != FlexPayOutcome.Unreachable)
        {
            chain.RecordRefundAnswer(refund.Id, lookup, now);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            scheduler.ScheduleRefundCheck(refund.Id, ReconcileBackoff.Next(refund.RequestedAt, now, options.Value.MaxReconcileInterval));
        }
    }

    private async Task SendAsync(FlexPayDbContext db, RecoveryChain chain, Refund refund, CancellationToken ct)
    {
        var result = await flexPay.RefundAsync(
            accounts.GetApiKey(chain.Company),
            chain.RecoveredTransactionId!,
            new FollowUpRequest(refund.MerchantTransactionId, refund.Amount),
            ct);
        var now = clock.GetUtcNow();
        if (result.MayHaveMovedMoney || result.Outcome == FlexPayOutcome.Unreachable || result.ResponseCode == FlexPayCodes.DuplicateMerchantTransactionId)
        {
            chain.MarkRefundOutcomeUnknown(refund.Id, $"No answer from FlexPay ({result.Outcome}); checking before anything is resent.", now);
            await db.SaveChangesAsync(ct);
            scheduler.ScheduleRefundCheck(refund.Id, ReconcileBackoff.Next(refund.RequestedAt, now, options.Value.MaxReconcileInterval));
            return;
        }
        chain.RecordRefundAnswer(refund.Id, result, now);
        await db.SaveChangesAsync(ct);
        logger.RefundAnswered(refund.MerchantTransactionId, chain.Id, result.ResponseCode, refund.Status);
    }
}
