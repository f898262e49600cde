namespace FlexPay.Core.FlexPayApi;

/// <summary>The classified result of a transaction call. The client never retries; this tells the caller what happened.</summary>
public sealed record TransactionResult
{
    public required FlexPayOutcome Outcome { get; init; }

    /// <summary>FlexPay's transaction, when an HTTP 200 carried one.</summary>
    public FlexPayTransaction? Transaction { get; init; }

    /// <summary>Null when no HTTP response arrived.</summary>
    public int? HttpStatus { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>
    /// Whether the call could have charged, captured, voided or refunded. Defaults to true so that a
    /// hand-made result errs on the side of reconciling; the client sets false for reads and vault calls.
    /// </summary>
    public bool CallMovesMoney { get; init; } = true;

    public bool IsApproved => Outcome == FlexPayOutcome.Approved;

    /// <summary>
    /// True when FlexPay may have acted although no answer says so: reconcile with
    /// <c>GetByMerchantTransactionIdAsync</c> before sending anything again.
    /// </summary>
    public bool MayHaveMovedMoney =>
        Outcome == FlexPayOutcome.OutcomeUnknown || (Outcome == FlexPayOutcome.ServerError && CallMovesMoney);

    public string? ResponseCode => Transaction?.ResponseCode;

    /// <summary>FlexPay's id of the transaction it made, if any (an empty id is none).</summary>
    public string? TransactionId => string.IsNullOrEmpty(Transaction?.TransactionId) ? null : Transaction.TransactionId;

    /// <summary>FlexPay's message, or why no transaction came back.</summary>
    public string? Message => Transaction?.Message ?? ErrorMessage;

    /// <summary>The instant to retry at, only for a soft decline: a hard decline's date is never a reason to retry.</summary>
    public DateTimeOffset? RetryDate => Outcome == FlexPayOutcome.SoftDeclineWithRetryDate ? Transaction?.RetryDate : null;
}
