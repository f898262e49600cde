using System.Text.Json.Nodes;
using FlexPay.Sandbox.Infrastructure;

namespace FlexPay.Sandbox.Transactions;

/// <summary>The body of capture, void, refund and refundedpayment (flexpay-api.md §2.2–§2.5).</summary>
internal sealed record FollowUpRequest(string? MerchantTransactionId, long? Amount, bool DisableCustomerRecovery)
{
    public static FollowUpRequest Parse(JsonObject t) => new(
        t.Str("merchantTransactionId"),
        t.Long("amount"),
        t.Bool("disableCustomerRecovery") ?? false);

    public string? Invalid()
    {
        if (string.IsNullOrWhiteSpace(MerchantTransactionId))
        {
            return "50103";
        }
        if (MerchantTransactionId.Length > FieldLimits.MerchantTransactionId)
        {
            return "50104";
        }
        // 0 or absent means "the whole amount"; only a negative amount is invalid.
        return Amount < 0 ? "50137" : null;
    }
}
