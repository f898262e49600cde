using FlexPay.Core.FlexPayApi;

namespace FlexPay.Core.Recovery;

public enum RefundStatus
{
    Sending,
    Approved,
    Declined,
    OutcomeUnknown,
}

/// <summary>A refund of a recovered charge, sent through FlexPay so recovery fees are credited.</summary>
public sealed class Refund
{
    private Refund()
    {
        MerchantTransactionId = null!;
        Reason = null!;
        RequestedBy = null!;
    }

    internal Refund(Guid chainId, string merchantTransactionId, long amount, string reason, string requestedBy, DateTimeOffset requestedAt)
    {
        Id = Guid.CreateVersion7();
        ChainId = chainId;
        MerchantTransactionId = merchantTransactionId;
        Amount = amount;
        Reason = reason;
        RequestedBy = requestedBy;
        RequestedAt = requestedAt;
        Status = RefundStatus.Sending;
    }

    public Guid Id { get; private set; }

    public Guid ChainId { get; private set; }

    public string MerchantTransactionId { get; private set; }

    /// <summary>Minor units, in the chain's currency.</summary>
    public long Amount { get; private set; }

    public string Reason { get; private set; }

    public string RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public RefundStatus Status { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? TransactionId { get; private set; }

    public string? ResponseCode { get; private set; }

    public string? ResponseMessage { get; private set; }

    /// <summary>Counts against the refundable amount until FlexPay declines it.</summary>
    public bool Reserves => Status is RefundStatus.Sending or RefundStatus.Approved or RefundStatus.OutcomeUnknown;

    internal void RecordAnswer(RefundStatus status, TransactionResult result, DateTimeOffset answeredAt)
    {
        Status = status;
        AnsweredAt = answeredAt;
        TransactionId = result.TransactionId;
        ResponseCode = result.ResponseCode;
        ResponseMessage = result.Message;
    }

    internal void MarkOutcomeUnknown(string? reason)
    {
        Status = RefundStatus.OutcomeUnknown;
        ResponseMessage = reason;
    }

    internal void MarkResending() => Status = RefundStatus.Sending;
}
