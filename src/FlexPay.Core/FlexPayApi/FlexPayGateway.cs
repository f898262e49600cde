using System.Text.Json.Serialization;
using FlexPay.Core.FlexPayApi.Json;
using FlexPay.Core.Gateways;

namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// A gateway (MID) as FlexPay reports it: its settings (the profile it is), token, name and status. Connection
/// settings are write-only: FlexPay (and the emulator) return at most their key names.
/// </summary>
public sealed record FlexPayGateway : GatewayProfile
{
    /// <summary>The gateway token: what a charge sends as <c>gatewayToken</c>.</summary>
    [JsonConverter(typeof(NonNullTextConverter))]
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    /// <summary><c>Available</c>, <c>Disabled</c> or <c>RefundOnly</c> (see <see cref="FlexPayGatewayStatuses"/>).</summary>
    public string? Status { get; init; }

    /// <summary>Names of the configured connection settings, never their values.</summary>
    public IReadOnlyList<string>? SettingKeys { get; init; }
}
