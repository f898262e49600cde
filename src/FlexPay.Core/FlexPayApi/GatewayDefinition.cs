using FlexPay.Core.Gateways;

namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// A gateway to create at FlexPay (sent as <c>{"gateway":{...}}</c>): its settings (the profile it is) with a name,
/// a status and its credentials. <see cref="Settings"/> holds those, so <see cref="ToString"/> shows only their names.
/// </summary>
public sealed record GatewayDefinition : GatewayProfile
{
    public GatewayDefinition()
    {
    }

    public GatewayDefinition(GatewayProfile profile)
        : base(profile)
    {
    }

    /// <summary>Set at creation only; FlexPay does not let it change.</summary>
    public required string Name { get; init; }

    public string Status { get; init; } = FlexPayGatewayStatuses.Available;

    /// <summary>Type-specific connection settings (credentials); write-only at FlexPay.</summary>
    public IReadOnlyDictionary<string, string>? Settings { get; init; }

    public override string ToString() =>
        $"{nameof(GatewayDefinition)} {{ Name = {Name}, GatewayType = {GatewayType}, " +
        $"MerchantAccountReferenceId = {MerchantAccountReferenceId}, CurrencyCode = {CurrencyCode}, Status = {Status}, " +
        $"Weight = {Weight}, Settings = {GatewaySettings.Describe(Settings)} }}";
}
