using System.Text.Json.Serialization;
using FlexPay.Core.FlexPayApi.Json;
using FlexPay.Core.Gateways;

namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// A partial update of a gateway (<c>PUT /v1/gateways/{id}</c>): what is null is not sent, so FlexPay leaves it
/// unchanged. <see cref="Profile"/>, when given, travels whole, its members beside <c>status</c>; <see cref="Settings"/>
/// replaces the stored credentials only when given. The name cannot change.
/// </summary>
[JsonConverter(typeof(GatewayUpdateConverter))]
public sealed record GatewayUpdate
{
    /// <summary>E.g. <see cref="FlexPayGatewayStatuses.RefundOnly"/> when the gateway is disabled here.</summary>
    public string? Status { get; init; }

    public GatewayProfile? Profile { get; init; }

    public IReadOnlyDictionary<string, string>? Settings { get; init; }

    public override string ToString() =>
        $"{nameof(GatewayUpdate)} {{ Status = {Status}, Weight = {Profile?.Weight}, " +
        $"MerchantAccountReferenceId = {Profile?.MerchantAccountReferenceId}, Settings = {GatewaySettings.Describe(Settings)} }}";
}
