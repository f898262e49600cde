using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;
using FlexPay.Core.Tests.Recovery.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Gateways;

/// <summary>The reconcile reports what changed at FlexPay behind our back, and nothing when all agrees.</summary>
public sealed class GatewayDriftTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private GatewayReconciler Reconciler => _engine.Services.GetRequiredService<GatewayReconciler>();

    [Fact]
    public async Task Gateways_in_step_with_FlexPay_show_no_drift()
    {
        await _engine.CreateAsync(GatewayBuilders.Draft("MID-a", enabled: true));
        var disabled = await _engine.CreateAsync(GatewayBuilders.Draft("MID-b", enabled: true));
        await _engine.Gateways().DisableAsync(disabled.Id, confirmed: false);
        await _engine.RunDueAsync();
        await _engine.CreateAsync(GatewayBuilders.Draft("MID-never-enabled"));

        var report = await Reconciler.ReconcileAsync();

        Assert.True(report.InSync, string.Join("\n", report.Drifts.Select(d => d.Description)));
        Assert.Equal(3, report.GatewaysCompared);
    }

    [Fact]
    public async Task Created_there_deleted_there_and_changed_there_are_each_reported()
    {
        var kept = await _engine.CreateAsync(GatewayBuilders.Draft("MID-kept", enabled: true));
        var deleted = await _engine.CreateAsync(GatewayBuilders.Draft("MID-deleted", enabled: true));
        var restatused = await _engine.CreateAsync(GatewayBuilders.Draft("MID-restatused", enabled: true));
        var reweighted = await _engine.CreateAsync(GatewayBuilders.Draft("MID-reweighted", enabled: true));
        var client = _engine.Client();
        var key = GatewayBuilders.SandboxKey;
        var stranger = await client.CreateGatewayAsync(key, new GatewayDefinition { Name = "Made in the portal", GatewayType = "stripe", CurrencyCode = "USD" });
        await client.DeleteGatewayAsync(key, deleted.FlexPayToken!);
        await client.UpdateGatewayAsync(key, restatused.FlexPayToken!, new GatewayUpdate { Status = FlexPayGatewayStatuses.Disabled });
        await client.UpdateGatewayAsync(key, reweighted.FlexPayToken!, new GatewayUpdate { Profile = reweighted.Profile with { Weight = 9, CurrencyCode = "EUR" } });

        var report = await Reconciler.ReconcileAsync();

        Assert.Equal(4, report.Drifts.Count);
        var missingHere = Assert.Single(report.Drifts, d => d.Kind == GatewayDriftKind.MissingHere);
        Assert.Equal(stranger.Value!.Id, missingHere.FlexPayToken);
        Assert.Null(missingHere.GatewayId);
        var missingThere = Assert.Single(report.Drifts, d => d.Kind == GatewayDriftKind.MissingAtFlexPay);
        Assert.Equal(deleted.Id, missingThere.GatewayId);
        var status = Assert.Single(report.Drifts, d => d.Kind == GatewayDriftKind.StatusDiffers);
        Assert.Equal(restatused.Id, status.GatewayId);
        Assert.Equal(new FieldDifference("status", "Available", "Disabled"), Assert.Single(status.Differences));
        var settings = Assert.Single(report.Drifts, d => d.Kind == GatewayDriftKind.SettingsDiffer);
        Assert.Equal(reweighted.Id, settings.GatewayId);
        Assert.Equal(
            [new FieldDifference("currencyCode", "USD", "EUR"), new FieldDifference("weight", "1", "9")],
            settings.Differences.OrderBy(d => d.Field, StringComparer.Ordinal));
        Assert.DoesNotContain(report.Drifts, d => d.GatewayId == kept.Id);
        Assert.Same(report, _engine.Services.GetRequiredService<GatewayDriftMonitor>().Latest);
    }

    [Fact]
    public async Task An_unreachable_FlexPay_is_reported_as_unchecked_not_as_drift()
    {
        await _engine.CreateAsync(GatewayBuilders.Draft("MID-a", enabled: true));
        await _engine.SetSandboxFaultsAsync(serverErrorRate: 1);

        var report = await Reconciler.ReconcileAsync();

        Assert.Empty(report.Drifts);
        Assert.Equal("default", Assert.Single(report.Errors).Company);
        Assert.False(report.InSync);
    }
}
