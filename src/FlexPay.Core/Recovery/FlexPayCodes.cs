namespace FlexPay.Core.Recovery;

/// <summary>FlexPay response codes the recovery engine acts on by name.</summary>
public static class FlexPayCodes
{
    public const string DuplicateMerchantTransactionId = "50129";

    /// <summary>The chain has used up FlexPay's 15 retries or 30 days.</summary>
    public const string RetryLimitReached = "30100";

    /// <summary>"Invalid account state": the gateway takes no charges now (RefundOnly or Disabled at FlexPay). Not the customer's decline.</summary>
    public const string GatewayNotTakingCharges = "50156";
}
