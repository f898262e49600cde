using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;
using FlexPay.Core.Tests.Recovery.Engine;

namespace FlexPay.Core.Tests.Gateways;

/// <summary>A FlexPay outage delays a gateway change but never loses it, and never creates a gateway twice.</summary>
public sealed class GatewayOutageTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_create_during_an_outage_is_retried_with_back_off_until_FlexPay_accepts_it()
    {
        await _engine.SetSandboxFaultsAsync(serverErrorRate: 1);
        var created = await _engine.CreateAsync(GatewayBuilders.Draft("MID-outage", enabled: true));
        var start = _engine.Clock.GetUtcNow();

        Assert.Equal(GatewaySyncState.Pending, created.SyncState);
        Assert.Equal(1, created.SyncAttempts);
        Assert.Contains("FlexPay server error", created.LastSyncError, StringComparison.Ordinal);
        var pauses = new List<TimeSpan> { created.NextSyncAt!.Value - start };
        for (var i = 0; i < 3; i++)
        {
            var before = _engine.Clock.GetUtcNow();
            await _engine.AdvanceToNextRunAsync();
            var gateway = await _engine.GatewayAsync(created.Id);
            Assert.Equal(GatewaySyncState.Pending, gateway.SyncState);
            pauses.Add(gateway.NextSyncAt!.Value - _engine.Clock.GetUtcNow());
            Assert.True(_engine.Clock.GetUtcNow() > before);
        }
        Assert.Equal([2, 4, 8, 16], pauses.Select(p => p.TotalSeconds));

        await _engine.SetSandboxFaultsAsync(serverErrorRate: 0);
        await _engine.AdvanceToNextRunAsync();

        var synced = await _engine.GatewayAsync(created.Id);
        Assert.Equal(GatewaySyncState.InSync, synced.SyncState);
        Assert.Equal(0, synced.SyncAttempts);
        Assert.Null(synced.LastSyncError);
        var there = Assert.Single(await _engine.ListAtFlexPayAsync());
        Assert.Equal(synced.FlexPayToken, there.Id);
        // The first try created nothing (a 500); every later one looked for it by name first, so only one more POST went out.
        Assert.Equal(2, (await _engine.GatewayCallsAsync()).Count(c => (string?)c["method"] == "POST"));
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_adopted_by_name_not_created_twice()
    {
        await _engine.SetSandboxFaultsAsync(dropRate: 1);
        var created = await _engine.CreateAsync(GatewayBuilders.Draft("MID-lost", enabled: true));
        Assert.Equal(GatewaySyncState.Pending, created.SyncState);
        Assert.Null(created.FlexPayToken);
        Assert.NotNull(created.CreateRequestedAt);

        await _engine.SetSandboxFaultsAsync(dropRate: 0);
        var madeThere = Assert.Single(await _engine.ListAtFlexPayAsync());
        await _engine.AdvanceToNextRunAsync();

        var synced = await _engine.GatewayAsync(created.Id);
        Assert.Equal(GatewaySyncState.InSync, synced.SyncState);
        Assert.Equal(madeThere.Id, synced.FlexPayToken);
        Assert.Single(await _engine.ListAtFlexPayAsync());
        Assert.Single(await _engine.GatewayCallsAsync(), c => (string?)c["method"] == "POST");
        Assert.Contains(_engine.Logs.Lines, l => l.Contains("adopted its gateway", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pending_change_survives_a_restart()
    {
        var gateway = await _engine.CreateAsync(GatewayBuilders.Draft("MID-restart", enabled: true));
        await _engine.SetSandboxFaultsAsync(serverErrorRate: 1);
        await _engine.Gateways().DisableAsync(gateway.Id, confirmed: false);
        await _engine.RunDueAsync();
        Assert.Equal(GatewaySyncState.Pending, (await _engine.GatewayAsync(gateway.Id)).SyncState);

        await _engine.RestartEngineAsync();
        await _engine.SetSandboxFaultsAsync(serverErrorRate: 0);
        Assert.Single(_engine.Scheduler.Pending);
        await _engine.AdvanceToNextRunAsync();

        Assert.Equal(GatewaySyncState.InSync, (await _engine.GatewayAsync(gateway.Id)).SyncState);
        Assert.Equal(FlexPayGatewayStatuses.RefundOnly, (await _engine.AtFlexPayAsync(gateway.FlexPayToken!)).Status);
    }

    [Fact]
    public async Task A_refusal_fails_the_sync_until_staff_retry_it()
    {
        var gateway = await _engine.CreateAsync(GatewayBuilders.Draft("MID-gone", enabled: true));
        await _engine.Client().DeleteGatewayAsync(GatewayBuilders.SandboxKey, gateway.FlexPayToken!);

        await _engine.Gateways().UpdateAsync(gateway.Id, draft => draft with { Weight = 3 });
        await _engine.RunDueAsync();

        var failed = await _engine.GatewayAsync(gateway.Id);
        Assert.Equal(GatewaySyncState.Failed, failed.SyncState);
        Assert.Contains("no gateway", failed.LastSyncError, StringComparison.Ordinal);
        Assert.Empty(_engine.Scheduler.Pending);
        var retried = await _engine.Gateways().RetrySyncAsync(gateway.Id);
        Assert.Equal(GatewaySyncState.Pending, retried.SyncState);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(8, 256)]
    [InlineData(9, 300)]
    [InlineData(50, 300)]
    public void Back_off_doubles_from_two_seconds_up_to_five_minutes(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), GatewaySyncBackoff.Delay(failures, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5)));
}
