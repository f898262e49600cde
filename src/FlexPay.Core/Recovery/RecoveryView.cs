namespace FlexPay.Core.Recovery;

/// <summary>A chain as the billing system sees it: state, next retry, and every attempt and refund.</summary>
public sealed record RecoveryView(
    Guid Id,
    string ExternalId,
    string OrderId,
    string CustomerId,
    string? Email,
    long Amount,
    string Currency,
    string AmountDisplay,
    ChainState State,
    ChainFailure? Failure,
    string? StateReason,
    DateTimeOffset? NextRetryAt,
    DateTimeOffset DateFirstAttempt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RecoveredAt,
    string? RecoveredTransactionId,
    long RefundedAmount,
    long RefundableAmount,
    string? CardBrand,
    string? CardLastFour,
    string? PinnedGatewayToken,
    IReadOnlyList<AttemptView> Attempts,
    IReadOnlyList<RefundView> Refunds)
{
    public static RecoveryView From(RecoveryChain chain) => new(
        chain.Id, chain.ExternalId, chain.OrderId, chain.CustomerId, chain.Email, chain.Amount, chain.CurrencyCode,
        chain.Money.ToString(), chain.State, chain.Failure, chain.StateReason, chain.NextAttemptDueAt, chain.DateFirstAttempt,
        chain.CreatedAt, chain.RecoveredAt, chain.RecoveredTransactionId, chain.RefundedAmount, chain.RefundableAmount,
        chain.Instrument.CardBrand, chain.Instrument.LastFourDigits, chain.PinnedGatewayToken,
        [.. chain.Attempts.OrderBy(a => a.DueAt).Select(AttemptView.From)],
        [.. chain.Refunds.OrderBy(r => r.RequestedAt).Select(RefundView.From)]);
}

public sealed record AttemptView(
    int RetryCount,
    string MerchantTransactionId,
    AttemptStatus Status,
    DateTimeOffset DueAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? AnsweredAt,
    double? LatenessMs,
    string? ReferenceDataSent,
    string? ReferenceDataReceived,
    string? GatewayTokenSent,
    string? GatewayTokenUsed,
    string? AssignedGatewayToken,
    string? TransactionId,
    string? ResponseCode,
    string? Message,
    DateTimeOffset? RetryDate)
{
    public static AttemptView From(RecoveryAttempt a) => new(
        a.RetryCount, a.MerchantTransactionId, a.Status, a.DueAt, a.SentAt, a.AnsweredAt, a.Lateness?.TotalMilliseconds,
        a.ReferenceDataSent, a.ReferenceDataReceived, a.GatewayTokenSent, a.GatewayTokenUsed, a.AssignedGatewayTokenReceived,
        a.TransactionId, a.ResponseCode, a.ResponseMessage, a.RetryDateReceived);
}

public sealed record RefundView(
    Guid Id,
    string MerchantTransactionId,
    long Amount,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    RefundStatus Status,
    string? TransactionId,
    string? ResponseCode,
    string? Message)
{
    public static RefundView From(Refund r) => new(
        r.Id, r.MerchantTransactionId, r.Amount, r.Reason, r.RequestedBy, r.RequestedAt, r.Status, r.TransactionId, r.ResponseCode, r.ResponseMessage);
}
