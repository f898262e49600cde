using System.Text.Json;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;
using FlexPay.Core.Tests.Gateways;
using FlexPay.Core.Tests.Recovery.Engine;
using FlexPay.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Webhooks;

/// <summary>
/// A drift the reconcile finds is news once: <c>gateway.drift_detected</c> is written with the drift it records, not at every
/// reconcile while the drift lasts, and again only when the drift changes or comes back after it was gone.
/// </summary>
public sealed class GatewayDriftEventTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;
    private WebhookEndpoint _endpoint = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineHarness.StartAsync();
        _endpoint = await WebhookTestData.RegisterAsync(_engine.Services, [WebhookEventTypes.GatewayDriftDetected]);
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private GatewayReconciler Reconciler => _engine.Services.GetRequiredService<GatewayReconciler>();

    [Fact]
    public async Task A_new_drift_emits_one_event_with_the_gateway_however_many_reconciles_find_it()
    {
        var gateway = await _engine.CreateAsync(GatewayBuilders.Draft("MID-restatused", enabled: true));
        await Reconciler.ReconcileAsync();
        Assert.Empty(await DriftEventsAsync(gateway.Id));

        await SetStatusAtFlexPayAsync(gateway, FlexPayGatewayStatuses.Disabled);
        await Reconciler.ReconcileAsync();
        await Reconciler.ReconcileAsync();

        var drifted = Assert.Single(await DriftEventsAsync(gateway.Id));
        using var body = JsonDocument.Parse(drifted.Body);
        var data = body.RootElement.GetProperty("data");
        Assert.Equal(gateway.Id, data.GetProperty("id").GetGuid());
        Assert.Equal(gateway.FlexPayToken, data.GetProperty("flexPayToken").GetString());
        Assert.Contains("shows Disabled", data.GetProperty("drift").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await WebhookTestData.DeliveryCountAsync(_engine.Services, _endpoint.Id));
        Assert.Equal(GatewayView.From(await _engine.GatewayAsync(gateway.Id)).Drift, JsonSerializer.Deserialize<GatewayDriftView>(data.GetProperty("drift"), WebhookJson.Options));
    }

    [Fact]
    public async Task A_drift_that_went_away_and_came_back_or_changed_is_news_again()
    {
        var gateway = await _engine.CreateAsync(GatewayBuilders.Draft("MID-flapping", enabled: true));
        await SetStatusAtFlexPayAsync(gateway, FlexPayGatewayStatuses.Disabled);
        await Reconciler.ReconcileAsync();

        await SetStatusAtFlexPayAsync(gateway, FlexPayGatewayStatuses.Available);
        await Reconciler.ReconcileAsync();
        Assert.Null((await _engine.GatewayAsync(gateway.Id)).Drift);

        await SetStatusAtFlexPayAsync(gateway, FlexPayGatewayStatuses.Disabled);
        await Reconciler.ReconcileAsync();
        await _engine.Client().UpdateGatewayAsync(GatewayBuilders.SandboxKey, gateway.FlexPayToken!, new GatewayUpdate { Profile = gateway.Profile with { Weight = 9 } });
        await Reconciler.ReconcileAsync();

        Assert.Equal(3, (await DriftEventsAsync(gateway.Id)).Count);
    }

    [Fact]
    public async Task A_reconcile_that_cannot_read_FlexPay_keeps_the_recorded_drift_and_emits_nothing()
    {
        var gateway = await _engine.CreateAsync(GatewayBuilders.Draft("MID-unchecked", enabled: true));
        await SetStatusAtFlexPayAsync(gateway, FlexPayGatewayStatuses.Disabled);
        await Reconciler.ReconcileAsync();
        var recorded = (await _engine.GatewayAsync(gateway.Id)).Drift;

        await _engine.SetSandboxFaultsAsync(serverErrorRate: 1);
        await Reconciler.ReconcileAsync();

        Assert.NotNull(recorded);
        Assert.Equal(recorded, (await _engine.GatewayAsync(gateway.Id)).Drift);
        Assert.Single(await DriftEventsAsync(gateway.Id));
    }

    private async Task SetStatusAtFlexPayAsync(Gateway gateway, string status)
    {
        var updated = await _engine.Client().UpdateGatewayAsync(GatewayBuilders.SandboxKey, gateway.FlexPayToken!, new GatewayUpdate { Status = status });
        Assert.True(updated.IsOk, $"{updated.Outcome} {updated.ErrorMessage}");
    }

    private async Task<List<WebhookEvent>> DriftEventsAsync(Guid gatewayId) =>
        [.. (await WebhookTestData.EventsAsync(_engine.Services, gatewayId)).Where(e => e.Type == WebhookEventTypes.GatewayDriftDetected)];
}
