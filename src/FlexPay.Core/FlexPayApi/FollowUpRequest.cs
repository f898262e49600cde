namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// Body of capture, void, refund and refundedpayment. <paramref name="MerchantTransactionId"/> must be new;
/// a null <paramref name="Amount"/> means the full amount (and is ignored by void).
/// </summary>
public sealed record FollowUpRequest(string MerchantTransactionId, long? Amount = null, bool DisableCustomerRecovery = false);
