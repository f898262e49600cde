namespace FlexPay.Core.Recovery;

/// <summary>What a waiting chain's reason says, in the words staff read on its page and in the list.</summary>
public static class WaitReasons
{
    public static string Gateway(string gatewayName) =>
        $"Waiting for gateway {gatewayName}: it takes no charges now. The retry goes on, with the same retryCount and referenceData, once the gateway is enabled again or the recovery is moved to another gateway.";

    public static string GatewayRefused(string? gatewayToken) =>
        $"Waiting for a gateway: FlexPay's gateway {gatewayToken ?? "(chosen by FlexPay)"} took no charge (50156, not the customer's decline). The retry goes on once the gateway is enabled again or the recovery is moved to another gateway.";

    public static string AccountKey(string company) =>
        $"Waiting for the FlexPay key of account {company} to be entered again on Settings; the retry goes on then.";
}
