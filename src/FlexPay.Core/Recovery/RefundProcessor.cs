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
/// merchantTransactionId before anything is resent.
/// </summary>
public sealed class RefundProcessor(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    FlexPayClient flexPay,
    IFlexPayAccounts accounts,
    IRecoveryScheduler scheduler,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<RecoveryOptions> options,
    ILogger<RefundProcessor> logger)
{
    /// <summary>Refunds <paramref name="amount"/> (all that remains when null). Throws <see cref="RecoveryRuleException"/> when not allowed.</summary>
    public async Task<Refund> RefundAsync(Guid chainId, long? amount, string reason, string requestedBy, CancellationToken ct = default)
    {
        var sent = await audit.RecordAsync(
            "refund",
            $"recovery {chainId}",
            () => RequestAndSendAsync(chainId, amount, reason, requestedBy, ct),
            sent => (
                sent.Refund.Status switch { RefundStatus.Approved => AuditOutcome.Succeeded, RefundStatus.Declined => AuditOutcome.Refused, _ => AuditOutcome.Failed },
                $"{sent.Money}, reason \"{sent.Refund.Reason}\": {sent.Refund.Status} {sent.Refund.ResponseCode} {sent.Refund.ResponseMessage} (FlexPay {sent.Refund.TransactionId})"),
            ct);
        return sent.Refund;
    }

    private async Task<(Refund Refund, MoneyAmount Money)> RequestAndSendAsync(Guid chainId, long? amount, string reason, string requestedBy, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await db.Chains.WithHistory().SingleOrDefaultAsync(c => c.Id == chainId, ct)
            ?? throw new RecoveryNotFoundException(chainId);
        var refund = chain.RequestRefund(amount, reason, requestedBy, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RecoveryRuleException("The recovery changed while the refund was being made (another refund?). Reload and try again.");
        }
        await SendAsync(db, chain, refund, ct);
        return (refund, new MoneyAmount(refund.Amount, chain.CurrencyCode));
    }

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
