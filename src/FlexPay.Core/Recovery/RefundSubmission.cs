namespace FlexPay.Core.Recovery;

/// <summary>The refund a request made, or (<paramref name="Replayed"/>) the one an earlier request under the same Idempotency-Key made.</summary>
public sealed record RefundSubmission(Guid RefundId, bool Replayed);
