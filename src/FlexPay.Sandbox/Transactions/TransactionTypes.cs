namespace FlexPay.Sandbox.Transactions;

/// <summary>The <c>transactionType</c> values of transaction answers (flexpay-api.md §2.1.5).</summary>
internal static class TransactionTypes
{
    public const string Charge = "Charge";
    public const string Authorize = "Authorize";
    public const string Capture = "Capture";
    public const string Void = "Void";
    public const string Refund = "Refund";

    /// <summary>Refund-Payment reports a refund made elsewhere; FlexPay's wire type is not known, this is the emulator's.</summary>
    public const string RefundedPayment = "RefundedPayment";
}
