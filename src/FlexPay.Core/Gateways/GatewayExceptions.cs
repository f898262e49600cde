namespace FlexPay.Core.Gateways;

/// <summary>A change the gateway rules do not allow (e.g. renaming a gateway FlexPay already has).</summary>
public sealed class GatewayRuleException(string message) : Exception(message);

public sealed class GatewayNotFoundException(Guid gatewayId) : Exception($"Gateway {gatewayId} does not exist.")
{
    public Guid GatewayId { get; } = gatewayId;
}
