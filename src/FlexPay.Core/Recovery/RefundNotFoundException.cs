namespace FlexPay.Core.Recovery;

/// <summary>A refund asked for by id that the recovery does not have (a wrong id in a polled Location, say).</summary>
public sealed class RefundNotFoundException(Guid chainId, Guid refundId)
    : NotFoundException("refund", $"Recovery {chainId} has no refund {refundId}.");
