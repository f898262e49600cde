using FlexPay.Core.FlexPayApi;

namespace FlexPay.Core.Recovery;

/// <summary>
/// One charge request of a chain. Its <see cref="MerchantTransactionId"/> is unique across
/// everything we ever send, and it is reused only to resend this same attempt after an unknown
/// outcome, so FlexPay's duplicate check (50129) protects the customer.
/// </summary>
public sealed class RecoveryAttempt
{
    private RecoveryAttempt()
    {
        MerchantTransactionId = null!;
    }

    internal RecoveryAttempt(
        Guid chainId, int retryCount, string merchantTransactionId, string? referenceDataSent,
        string? gatewayTokenSent, DateTimeOffset dueAt, DateTimeOffset? flexPayRetryDate)
    {
        Id = Guid.CreateVersion7();
        ChainId = chainId;
        RetryCount = retryCount;
        MerchantTransactionId = merchantTransactionId;
        ReferenceDataSent = referenceDataSent;
        GatewayTokenSent = gatewayTokenSent;
        DueAt = dueAt;
        FlexPayRetryDate = flexPayRetryDate;
        Status = AttemptStatus.Scheduled;
    }

    public Guid Id { get; private set; }

    public Guid ChainId { get; private set; }

    public int RetryCount { get; private set; }

    public string MerchantTransactionId { get; private set; }

    public string? ReferenceDataSent { get; private set; }

    public string? GatewayTokenSent { get; private set; }

    /// <summary>When this attempt may be sent, never earlier.</summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The retry date FlexPay gave for this attempt (null for a chain's first attempt).</summary>
    public DateTimeOffset? FlexPayRetryDate { get; private set; }

    public AttemptStatus Status { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>When FlexPay is next asked about an unknown outcome (null unless the outcome is unknown).</summary>
    public DateTimeOffset? NextCheckAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>How many times the request went out (more than one only when resent after an unknown outcome).</summary>
    public int SendCount { get; private set; }

    public FlexPayOutcome? Outcome { get; private set; }

    public string? TransactionId { get; private set; }

    public string? ResponseCode { get; private set; }

    public string? ResponseMessage { get; private set; }

    public string? ReferenceDataReceived { get; private set; }

    public DateTimeOffset? RetryDateReceived { get; private set; }

    public string? GatewayTokenUsed { get; private set; }

    public string? AssignedGatewayTokenReceived { get; private set; }

    /// <summary>How late the attempt left against its due time (null until sent).</summary>
    public TimeSpan? Lateness => SentAt - DueAt;

    public bool IsOpen => Status is AttemptStatus.Scheduled or AttemptStatus.Sending or AttemptStatus.OutcomeUnknown or AttemptStatus.Waiting;

    /// <summary>Not sent yet: it may still be held, released or sent through another gateway.</summary>
    public bool IsUnsent => Status is AttemptStatus.Scheduled or AttemptStatus.Waiting;

    internal void Hold() => Status = AttemptStatus.Waiting;

    /// <summary>Due again at <paramref name="dueAt"/>, never before the instant it was first due.</summary>
    internal void Release(DateTimeOffset dueAt)
    {
        Status = AttemptStatus.Scheduled;
        DueAt = dueAt > DueAt ? dueAt : DueAt;
    }

    internal void Redirect(string gatewayToken) => GatewayTokenSent = gatewayToken;

    internal void MarkSending(DateTimeOffset now)
    {
        if (now < DueAt)
        {
            throw new RecoveryRuleException($"Attempt {MerchantTransactionId} is due at {DueAt:O}; it must not be sent at {now:O}.");
        }
        Status = AttemptStatus.Sending;
        SentAt ??= now;
        SendCount++;
    }

    internal void MarkOutcomeUnknown(string? reason, DateTimeOffset checkAt)
    {
        Status = AttemptStatus.OutcomeUnknown;
        ResponseMessage = reason;
        NextCheckAt = checkAt;
    }

    internal void MarkResending()
    {
        Status = AttemptStatus.Sending;
        NextCheckAt = null;
        SendCount++;
    }

    internal void RecordAnswer(TransactionResult result, AttemptStatus status, DateTimeOffset answeredAt)
    {
        var transaction = result.Transaction;
        Status = status;
        NextCheckAt = null;
        AnsweredAt = answeredAt;
        Outcome = result.Outcome;
        TransactionId = result.TransactionId;
        ResponseCode = result.ResponseCode;
        ResponseMessage = result.Message;
        ReferenceDataReceived = NullIfEmpty(transaction?.ReferenceData);
        RetryDateReceived = transaction?.RetryDate;
        GatewayTokenUsed = NullIfEmpty(transaction?.GatewayToken);
        AssignedGatewayTokenReceived = NullIfEmpty(transaction?.AssignedGatewayToken);
    }

    internal void Cancel() => Status = AttemptStatus.Cancelled;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
