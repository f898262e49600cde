namespace FlexPay.Core.FlexPayApi;

/// <summary>Known gateway <c>status</c> values (portal labels Enabled / Disabled / Refund Only).</summary>
public static class FlexPayGatewayStatuses
{
    public const string Available = "Available";
    public const string Disabled = "Disabled";
    public const string RefundOnly = "RefundOnly";
}
