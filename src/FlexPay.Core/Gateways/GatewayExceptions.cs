namespace FlexPay.Core.Gateways;

/// <summary>A change the gateway rules do not allow (e.g. renaming a gateway FlexPay already has).</summary>
public sealed class GatewayRuleException(string message) : DomainRuleException(message);

public sealed class GatewayNotFoundException(Guid gatewayId) : NotFoundException("gateway", $"Gateway {gatewayId} does not exist.")
{
    public Guid GatewayId { get; } = gatewayId;
}
