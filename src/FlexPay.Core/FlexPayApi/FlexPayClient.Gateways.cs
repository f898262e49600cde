using FlexPay.Core.FlexPayApi.Json;

namespace FlexPay.Core.FlexPayApi;

// Gateway Management API, on the paths this project decided (flexpay-api.md §5.6), plus the health check.
public sealed partial class FlexPayClient
{
    public Task<FlexPayResponse<FlexPayGateway>> CreateGatewayAsync(FlexPayApiKey key, GatewayDefinition gateway, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(gateway);
        return SendAsync<GatewayEnvelope<FlexPayGateway>, FlexPayGateway>(
            HttpMethod.Post, FlexPayPaths.Gateways, key, new GatewayEnvelope<GatewayDefinition>(gateway), envelope => envelope.Gateway, ct);
    }

    public Task<FlexPayResponse<FlexPayGateway>> GetGatewayAsync(FlexPayApiKey key, string gatewayId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SendAsync<GatewayEnvelope<FlexPayGateway>, FlexPayGateway>(
            HttpMethod.Get, FlexPayPaths.Gateway(gatewayId), key, body: null, envelope => envelope.Gateway, ct);
    }

    public Task<FlexPayResponse<IReadOnlyList<FlexPayGateway>>> ListGatewaysAsync(FlexPayApiKey key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SendAsync<GatewayListEnvelope, IReadOnlyList<FlexPayGateway>>(
            HttpMethod.Get, FlexPayPaths.Gateways, key, body: null, envelope => envelope.Gateways, ct);
    }

    /// <summary>Null members of <paramref name="update"/> are not sent, so FlexPay leaves them unchanged.</summary>
    public Task<FlexPayResponse<FlexPayGateway>> UpdateGatewayAsync(FlexPayApiKey key, string gatewayId, GatewayUpdate update, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(update);
        return SendAsync<GatewayEnvelope<FlexPayGateway>, FlexPayGateway>(
            HttpMethod.Put, FlexPayPaths.Gateway(gatewayId), key, new GatewayEnvelope<GatewayUpdate>(update), envelope => envelope.Gateway, ct);
    }

    /// <summary>Ok with <c>true</c> once FlexPay accepted the deletion, whatever (if anything) its body says.</summary>
    public Task<FlexPayResponse<bool>> DeleteGatewayAsync(FlexPayApiKey key, string gatewayId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SendIgnoringBodyAsync(HttpMethod.Delete, FlexPayPaths.Gateway(gatewayId), key, ct);
    }

    /// <summary>FlexPay's health check, sent without a key: proves the address answers.</summary>
    public Task<FlexPayResponse<bool>> CheckConnectionAsync(CancellationToken ct = default) =>
        SendIgnoringBodyAsync(HttpMethod.Get, FlexPayPaths.HealthCheck, key: null, ct);

    /// <summary>
    /// The health check sent with a company's key, which also proves the key is accepted (the emulator
    /// answers 401 to a keyless check; whether FlexPay does is not documented).
    /// </summary>
    public Task<FlexPayResponse<bool>> CheckConnectionAsync(FlexPayApiKey key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SendIgnoringBodyAsync(HttpMethod.Get, FlexPayPaths.HealthCheck, key, ct);
    }
}
