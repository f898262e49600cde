using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Money;
using FlexPay.Core.Text;

namespace FlexPay.Core.Recovery;

/// <summary>
/// The recovery of one payment: its attempts through FlexPay, chained by retryCount and
/// referenceData, and the refunds of the charge once recovered. Every change is a verb that
/// refuses a move the recovery rules do not allow.
/// </summary>
public sealed class RecoveryChain
{
    private readonly List<RecoveryAttempt> _attempts = [];
    private readonly List<Refund> _refunds = [];

    private RecoveryChain()
    {
        ExternalId = Company = OrderId = CustomerId = CurrencyCode = null!;
        Instrument = null!;
    }

    private RecoveryChain(NewChain request, DateTimeOffset now)
    {
        if (request.Amount <= 0)
        {
            throw new RecoveryRuleException("The amount to recover must be positive.");
        }
        Id = Guid.CreateVersion7();
        ExternalId = request.ExternalId;
        Company = request.Company;
        OrderId = request.OrderId;
        CustomerId = request.CustomerId;
        Email = request.Email;
        Amount = request.Amount;
        CurrencyCode = Currencies.Get(request.CurrencyCode).Code;
        Instrument = request.Instrument;
        PinnedGatewayToken = request.PinnedGatewayToken;
        Description = request.Description;
        InitialDeclineCode = request.InitialDecline?.Code;
        InitialDeclineMessage = request.InitialDecline?.Message;
        DateFirstAttempt = request.InitialDecline?.DeclinedAt ?? now;
        CreatedAt = UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The billing system's id for this payment; replays of it find this chain.</summary>
    public string ExternalId { get; private set; }

    /// <summary>The FlexPay company (API key) the chain is sent with.</summary>
    public string Company { get; private set; }

    public string OrderId { get; private set; }

    public string CustomerId { get; private set; }

    public string? Email { get; private set; }

    /// <summary>Minor units of <see cref="CurrencyCode"/>.</summary>
    public long Amount { get; private set; }

    public string CurrencyCode { get; private set; }

    public PaymentInstrument Instrument { get; private set; }

    public string? PinnedGatewayToken { get; private set; }

    public string? Description { get; private set; }

    public string? InitialDeclineCode { get; private set; }

    public string? InitialDeclineMessage { get; private set; }

    /// <summary>When the payment was first tried (the merchant's own decline, or our first send); sent on every attempt.</summary>
    public DateTimeOffset DateFirstAttempt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public ChainState State { get; private set; }

    public ChainFailure? Failure { get; private set; }

    /// <summary>Why the chain is in its state, in words staff can act on.</summary>
    public string? StateReason { get; private set; }

    /// <summary>Due time of the attempt waiting to be sent (null when none waits).</summary>
    public DateTimeOffset? NextAttemptDueAt { get; private set; }

    public DateTimeOffset? RecoveredAt { get; private set; }

    /// <summary>FlexPay's id of the approved charge: what refunds refer to.</summary>
    public string? RecoveredTransactionId { get; private set; }

    public long RefundedAmount { get; private set; }

    /// <summary>Optimistic concurrency: every verb bumps it, so two workers can never both claim an attempt.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<RecoveryAttempt> Attempts => _attempts;

    public IReadOnlyList<Refund> Refunds => _refunds;

    public MoneyAmount Money => new(Amount, CurrencyCode);

    /// <summary>The attempt that is scheduled, in flight or being reconciled, if any.</summary>
    public RecoveryAttempt? OpenAttempt => _attempts.LastOrDefault(a => a.IsOpen);

    public long RefundableAmount => IsRefundable ? Amount - _refunds.Where(r => r.Reserves).Sum(r => r.Amount) : 0;

    public bool IsRefundable => ChainStateGroups.Refundable.Contains(State);

    /// <summary>
    /// Opens a chain with its first attempt due at <paramref name="firstAttemptDueAt"/>: retryCount 1
    /// when the merchant's gateway already declined (that was 0), else 0 for a first try through FlexPay.
    /// </summary>
    public static RecoveryChain Open(NewChain request, DateTimeOffset firstAttemptDueAt, DateTimeOffset now)
    {
        var chain = new RecoveryChain(request, now);
        var retryCount = request.InitialDecline is null ? 0 : 1;
        chain.AddAttempt(retryCount, referenceData: null, chain.PinnedGatewayToken, firstAttemptDueAt, flexPayRetryDate: null);
        chain.MoveTo(ChainState.Scheduled, now, reason: null);
        return chain;
    }

    /// <summary>Claims the scheduled attempt for sending. Refuses before its due time and when nothing is scheduled.</summary>
    public RecoveryAttempt ClaimAttempt(Guid attemptId, DateTimeOffset now)
    {
        var attempt = FindAttempt(attemptId);
        if (State != ChainState.Scheduled || attempt.Status != AttemptStatus.Scheduled)
        {
            throw new RecoveryRuleException($"Attempt {attempt.MerchantTransactionId} is {attempt.Status} in a {State} chain; it cannot be sent.");
        }
        attempt.MarkSending(now);
        NextAttemptDueAt = null;
        MoveTo(ChainState.Sending, now, reason: null);
        return attempt;
    }

    /// <summary>
    /// The request may have reached FlexPay without an answer reaching us: reconcile (at <paramref name="checkAt"/>)
    /// before any resend.
    /// </summary>
    public void MarkOutcomeUnknown(Guid attemptId, string? reason, DateTimeOffset now, DateTimeOffset checkAt)
    {
        var attempt = FindAttempt(attemptId);
        RequireStatus(attempt, AttemptStatus.Sending, AttemptStatus.OutcomeUnknown);
        attempt.MarkOutcomeUnknown(reason, checkAt);
        MoveTo(ChainState.OutcomeUnknown, now, reason);
    }

    /// <summary>FlexPay has no record of the attempt: send it again under the same merchantTransactionId.</summary>
    public RecoveryAttempt Resend(Guid attemptId, DateTimeOffset now)
    {
        var attempt = FindAttempt(attemptId);
        RequireStatus(attempt, AttemptStatus.OutcomeUnknown);
        attempt.MarkResending();
        MoveTo(ChainState.Sending, now, reason: null);
        return attempt;
    }

    /// <summary>
    /// Applies FlexPay's answer. Approval recovers the chain; a decline with a retry date schedules the
    /// next attempt for exactly that instant with retryCount + 1 and the answer's referenceData; any other
    /// decline ends it. Returns the next attempt when one was scheduled. <paramref name="now"/> is when the answer arrived.
    /// </summary>
    public RecoveryAttempt? RecordAnswer(Guid attemptId, TransactionResult answer, DateTimeOffset now)
    {
        var attempt = FindAttempt(attemptId);
        RequireStatus(attempt, AttemptStatus.Sending, AttemptStatus.OutcomeUnknown);
        if (answer.ResponseCode == FlexPayCodes.GatewayNotTakingCharges)
        {
            WaitAfterGatewayRefusal(attempt, answer, now);
            return null;
        }
        switch (answer.Outcome)
        {
            case FlexPayOutcome.Approved:
                attempt.RecordAnswer(answer, AttemptStatus.Approved, now);
                RecoveredAt = now;
                RecoveredTransactionId = answer.TransactionId;
                MoveTo(ChainState.Recovered, now, answer.Message);
                return null;
            case FlexPayOutcome.SoftDeclineWithRetryDate when answer.RetryDate is { } retryDate:
                attempt.RecordAnswer(answer, AttemptStatus.Declined, now);
                return ScheduleRetry(attempt, retryDate, now);
            case FlexPayOutcome.SoftDeclineWithRetryDate or FlexPayOutcome.DeclinedWithoutRetryDate:
                attempt.RecordAnswer(answer, AttemptStatus.Declined, now);
                Fail(ChainFailure.DeclinedWithoutRetryDate, $"Declined without a retry date ({answer.ResponseCode}): {answer.Message}", now);
                return null;
            case FlexPayOutcome.HardDecline or FlexPayOutcome.RiskDecline or FlexPayOutcome.ValidationError:
                attempt.RecordAnswer(answer, AttemptStatus.Declined, now);
                Fail(
                    answer.ResponseCode == FlexPayCodes.RetryLimitReached ? ChainFailure.RetryLimitReached : ChainFailure.HardDecline,
                    $"Declined ({answer.ResponseCode}): {answer.Message}",
                    now);
                return null;
            case FlexPayOutcome.AuthenticationFailed or FlexPayOutcome.BadRequest or FlexPayOutcome.NotFound:
                attempt.RecordAnswer(answer, AttemptStatus.Rejected, now);
                MoveTo(ChainState.Suspended, now, $"FlexPay refused the request ({answer.Outcome}): {answer.Message}. Fix the cause, then resume.");
                return null;
            default:
                throw new RecoveryRuleException($"{answer.Outcome} is not an answer; it leaves the outcome unknown.");
        }
    }

    /// <summary>
    /// Holds the due attempt instead of sending it (its gateway takes no charges, its account's key must be entered
    /// again): the chain waits with its retryCount and referenceData until <see cref="GoOn"/>.
    /// </summary>
    public void Wait(Guid attemptId, string reason, DateTimeOffset now)
    {
        var attempt = FindAttempt(attemptId);
        if (State != ChainState.Scheduled || attempt.Status != AttemptStatus.Scheduled)
        {
            throw new RecoveryRuleException($"Attempt {attempt.MerchantTransactionId} is {attempt.Status} in a {State} chain; only a scheduled attempt can wait.");
        }
        attempt.Hold();
        NextAttemptDueAt = null;
        MoveTo(ChainState.Waiting, now, reason);
    }

    /// <summary>What the chain waited for is back: the held attempt is due at once, or at its own instant if that is still ahead.</summary>
    public RecoveryAttempt GoOn(DateTimeOffset now)
    {
        if (State != ChainState.Waiting)
        {
            throw new RecoveryRuleException($"Only a waiting chain can go on; this one is {State}.");
        }
        var held = _attempts.Single(a => a.Status == AttemptStatus.Waiting);
        held.Release(now);
        NextAttemptDueAt = held.DueAt;
        MoveTo(ChainState.Scheduled, now, reason: null);
        return held;
    }

    /// <summary>
    /// Sends the next attempt, and every later one, through <paramref name="gatewayToken"/>. A waiting chain goes on
    /// at once; a scheduled one keeps its due time. Returns the attempt that will be sent.
    /// </summary>
    public RecoveryAttempt MoveToGateway(string gatewayToken, DateTimeOffset now)
    {
        if (!ChainStateGroups.Movable.Contains(State))
        {
            throw new RecoveryRuleException($"Only a scheduled or waiting recovery can move to another gateway; this one is {State}.");
        }
        var next = _attempts.Single(a => a.IsUnsent);
        next.Redirect(gatewayToken);
        PinnedGatewayToken = gatewayToken;
        if (State == ChainState.Waiting)
        {
            return GoOn(now);
        }
        Touch(now);
        return next;
    }

    /// <summary>Sends a suspended chain again: the same retryCount and referenceData, a new merchantTransactionId.</summary>
    public RecoveryAttempt Resume(DateTimeOffset now)
    {
        if (State != ChainState.Suspended)
        {
            throw new RecoveryRuleException($"Only a suspended chain can be resumed; this one is {State}.");
        }
        var rejected = _attempts[^1];
        var attempt = AddAttempt(rejected.RetryCount, rejected.ReferenceDataSent, rejected.GatewayTokenSent, now, rejected.FlexPayRetryDate);
        MoveTo(ChainState.Scheduled, now, reason: null);
        return attempt;
    }

    /// <summary>Staff stop the recovery. Refused while a request is in flight or its outcome is unknown.</summary>
    public void Cancel(string cancelledBy, string reason, DateTimeOffset now)
    {
        if (!ChainStateGroups.Cancellable.Contains(State))
        {
            throw new RecoveryRuleException(State switch
            {
                ChainState.Sending => "An attempt is being sent right now; try again in a moment.",
                ChainState.OutcomeUnknown => "An attempt's outcome is being reconciled with FlexPay; it may have charged the customer.",
                _ => $"A {State} chain cannot be cancelled.",
            });
        }
        RequireReason(reason, "A cancellation");
        OpenAttempt?.Cancel();
        NextAttemptDueAt = null;
        MoveTo(ChainState.Cancelled, now, $"Cancelled by {cancelledBy}: {reason}");
    }

    /// <summary>
    /// Starts a refund of the recovered charge (full when <paramref name="amount"/> is null). Refused while
    /// another refund is unanswered, so a double submission cannot refund twice.
    /// </summary>
    public Refund RequestRefund(long? amount, string reason, string requestedBy, DateTimeOffset now, string? merchantTransactionId = null)
    {
        if (!IsRefundable)
        {
            throw new RecoveryRuleException($"Only a recovered charge can be refunded; this chain is {State}.");
        }
        if (_refunds.Any(r => r.Status is RefundStatus.Sending or RefundStatus.OutcomeUnknown))
        {
            throw new RecoveryRuleException("Another refund of this charge is still waiting for FlexPay's answer.");
        }
        RequireReason(reason, "A refund");
        var remaining = RefundableAmount;
        var refundAmount = amount ?? remaining;
        if (refundAmount <= 0 || refundAmount > remaining)
        {
            throw new RecoveryRuleException(
                $"A refund must be more than zero and at most {new MoneyAmount(remaining, CurrencyCode)}.");
        }
        var refund = new Refund(Id, merchantTransactionId ?? MerchantTransactionIds.NewRefund(), refundAmount, reason.Trim(), requestedBy, now);
        _refunds.Add(refund);
        Touch(now);
        return refund;
    }

    /// <summary>Applies FlexPay's answer to a refund; <paramref name="now"/> is when it arrived.</summary>
    public void RecordRefundAnswer(Guid refundId, TransactionResult answer, DateTimeOffset now)
    {
        var refund = FindRefund(refundId);
        if (refund.Status is not (RefundStatus.Sending or RefundStatus.OutcomeUnknown))
        {
            throw new RecoveryRuleException($"Refund {refund.MerchantTransactionId} was already answered ({refund.Status}).");
        }
        if (answer.Outcome == FlexPayOutcome.Approved)
        {
            refund.RecordAnswer(RefundStatus.Approved, answer, now);
            RefundedAmount += refund.Amount;
            MoveTo(RefundedAmount >= Amount ? ChainState.Refunded : ChainState.PartlyRefunded, now, reason: null);
            return;
        }
        refund.RecordAnswer(RefundStatus.Declined, answer, now);
        Touch(now);
    }

    public void MarkRefundOutcomeUnknown(Guid refundId, string? reason, DateTimeOffset now)
    {
        FindRefund(refundId).MarkOutcomeUnknown(reason);
        Touch(now);
    }

    public Refund ResendRefund(Guid refundId, DateTimeOffset now)
    {
        var refund = FindRefund(refundId);
        if (refund.Status != RefundStatus.OutcomeUnknown)
        {
            throw new RecoveryRuleException($"Refund {refund.MerchantTransactionId} is {refund.Status}; only an unknown outcome is resent.");
        }
        refund.MarkResending();
        Touch(now);
        return refund;
    }

    /// <summary>
    /// FlexPay's gateway took no charge (50156): not the customer's decline. The same retry waits, as a new attempt
    /// with the same retryCount and referenceData, for the gateway or for staff to move it.
    /// </summary>
    private void WaitAfterGatewayRefusal(RecoveryAttempt refused, TransactionResult answer, DateTimeOffset now)
    {
        refused.RecordAnswer(answer, AttemptStatus.Rejected, now);
        var gatewayToken = refused.GatewayTokenUsed ?? refused.GatewayTokenSent;
        AddAttempt(refused.RetryCount, refused.ReferenceDataSent, gatewayToken, now, refused.FlexPayRetryDate).Hold();
        NextAttemptDueAt = null;
        MoveTo(ChainState.Waiting, now, WaitReasons.GatewayRefused(gatewayToken));
    }

    private RecoveryAttempt? ScheduleRetry(RecoveryAttempt declined, DateTimeOffset retryDate, DateTimeOffset now)
    {
        var retryCount = declined.RetryCount + 1;
        if (retryCount > RecoveryLimits.MaxRetryCount || retryDate > DateFirstAttempt + RecoveryLimits.MaxChainDuration)
        {
            Fail(ChainFailure.RetryLimitReached, $"FlexPay's limit of {RecoveryLimits.MaxRetryCount} retries or 30 days is reached.", now);
            return null;
        }
        var gatewayToken = PinnedGatewayToken ?? declined.AssignedGatewayTokenReceived ?? declined.GatewayTokenSent;
        var next = AddAttempt(retryCount, declined.ReferenceDataReceived, gatewayToken, retryDate, retryDate);
        MoveTo(ChainState.Scheduled, now, $"Declined ({declined.ResponseCode}): {declined.ResponseMessage}. Retry {retryCount} at FlexPay's retry date.");
        return next;
    }

    private RecoveryAttempt AddAttempt(int retryCount, string? referenceData, string? gatewayToken, DateTimeOffset dueAt, DateTimeOffset? flexPayRetryDate)
    {
        var attempt = new RecoveryAttempt(Id, retryCount, MerchantTransactionIds.NewCharge(), referenceData, gatewayToken, dueAt, flexPayRetryDate);
        _attempts.Add(attempt);
        NextAttemptDueAt = dueAt;
        return attempt;
    }

    private void Fail(ChainFailure failure, string reason, DateTimeOffset now)
    {
        Failure = failure;
        MoveTo(ChainState.Failed, now, reason);
    }

    private void MoveTo(ChainState state, DateTimeOffset now, string? reason)
    {
        State = state;
        StateReason = reason;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private RecoveryAttempt FindAttempt(Guid attemptId) =>
        _attempts.Find(a => a.Id == attemptId) ?? throw new RecoveryRuleException($"Attempt {attemptId} is not part of chain {Id}.");

    private Refund FindRefund(Guid refundId) =>
        _refunds.Find(r => r.Id == refundId) ?? throw new RecoveryRuleException($"Refund {refundId} is not part of chain {Id}.");

    /// <summary>The validators at every way in say this first, naming the field; this keeps the row true to it.</summary>
    private static void RequireReason(string reason, string what)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > TextLimits.Reason || !TextRules.IsPlain(reason))
        {
            throw new RecoveryRuleException($"{what} needs a reason of at most {TextLimits.Reason} characters of plain text.");
        }
    }

    private static void RequireStatus(RecoveryAttempt attempt, params AttemptStatus[] allowed)
    {
        if (!allowed.Contains(attempt.Status))
        {
            throw new RecoveryRuleException($"Attempt {attempt.MerchantTransactionId} is {attempt.Status}; expected {string.Join(" or ", allowed)}.");
        }
    }
}
