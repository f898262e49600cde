using FlexPay.Core.Gateways;
using FlexPay.Core.Recovery;
using FlexPay.Core.Recovery.Intake;
using FlexPay.Core.Tests.Recovery.Engine;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FlexPay.Core.Tests.Gateways;

/// <summary>Step 7 of the integration guide: charges sent to chosen gateways; and what a RefundOnly gateway still does.</summary>
public sealed class GatewayRoutingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Step7_two_gateways_each_receive_the_charge_sent_to_them()
    {
        var one = await _engine.CreateAsync(GatewayBuilders.Draft("MID-one", GatewayTypes.FlexPaySandbox, enabled: true));
        var two = await _engine.CreateAsync(GatewayBuilders.Draft("MID-two", GatewayTypes.FlexPaySandbox, enabled: true));
        Assert.NotEqual(one.FlexPayToken, two.FlexPayToken);

        // The intake takes our gateway id or the FlexPay token.
        var viaId = await _engine.SubmitAsync(Requests.Payment(1000) with { GatewayToken = one.Id.ToString() });
        var viaToken = await _engine.SubmitAsync(Requests.Payment(1001) with { GatewayToken = two.FlexPayToken });
        Assert.Equal(IntakeOutcome.Created, viaId.Outcome);
        Assert.Equal(IntakeOutcome.Created, viaToken.Outcome);
        Assert.Equal(one.FlexPayToken, viaId.Chain!.PinnedGatewayToken);
        await _engine.RunDueAsync();

        var first = (await _engine.ChainAsync(viaId.Chain.Id)).Attempts.Single();
        var second = (await _engine.ChainAsync(viaToken.Chain!.Id)).Attempts.Single();
        Assert.Equal((one.FlexPayToken, one.FlexPayToken, "10000"), (first.GatewayTokenSent, first.GatewayTokenUsed, first.ResponseCode));
        Assert.Equal((two.FlexPayToken, two.FlexPayToken, "10000"), (second.GatewayTokenSent, second.GatewayTokenUsed, second.ResponseCode));
        // The sandbox's own record of each charge: the token it was sent with, per transaction.
        var charges = (await _engine.ProcessedChargesAsync()).ToDictionary(c => (string)c["transactionId"]!, c => (string?)c["gatewayToken"]);
        Assert.Equal(2, charges.Count);
        Assert.Equal(one.FlexPayToken, charges[first.TransactionId!]);
        Assert.Equal(two.FlexPayToken, charges[second.TransactionId!]);

        output.WriteLine($"Step 7: gateway '{one.Name}' id {one.Id} token {one.FlexPayToken}; gateway '{two.Name}' id {two.Id} token {two.FlexPayToken}");
        output.WriteLine($"  charge 1 (gatewayToken = our id)  → gatewayToken used {first.GatewayTokenUsed}, code {first.ResponseCode}, transaction {first.TransactionId}");
        output.WriteLine($"  charge 2 (gatewayToken = token)   → gatewayToken used {second.GatewayTokenUsed}, code {second.ResponseCode}, transaction {second.TransactionId}");
    }

    [Fact]
    public async Task An_unknown_or_disabled_gateway_at_intake_is_a_field_error_and_nothing_is_stored_or_sent()
    {
        var disabled = await _engine.CreateAsync(GatewayBuilders.Draft("MID-off", GatewayTypes.FlexPaySandbox));

        var unknownId = await _engine.SubmitAsync(Requests.Payment(1000) with { GatewayToken = Guid.NewGuid().ToString() });
        var unknownToken = await _engine.SubmitAsync(Requests.Payment(1000) with { GatewayToken = "NOSUCHTOKEN0000000000000000" });
        var notEnabled = await _engine.SubmitAsync(Requests.Payment(1000) with { GatewayToken = disabled.Id.ToString() });

        foreach (var result in new[] { unknownId, unknownToken, notEnabled })
        {
            Assert.Equal(IntakeOutcome.Invalid, result.Outcome);
            Assert.Equal(["GatewayToken"], result.Errors.Keys);
        }
        Assert.Empty(await _engine.SandboxLogAsync());
        Assert.Empty(_engine.Scheduler.Pending);
    }

    [Fact]
    public async Task Disabling_warns_of_bound_retries_which_then_wait_and_go_on_when_it_is_enabled_again_while_refunds_go_through()
    {
        var gateway = await _engine.CreateAsync(GatewayBuilders.Draft("MID-closing", GatewayTypes.FlexPaySandbox, enabled: true));
        var token = gateway.FlexPayToken!;
        var recovered = await _engine.SubmitAsync(Requests.Payment(7500) with { GatewayToken = token });
        await _engine.RunDueAsync();
        Assert.Equal(ChainState.Recovered, (await _engine.ChainAsync(recovered.Chain!.Id)).State);
        var scheduled = await _engine.SubmitAsync(Requests.Payment(1000, merchantDeclinedAt: EngineHarness.Start) with { GatewayToken = token });

        var warned = await _engine.Gateways().DisableAsync(gateway.Id, confirmed: false);

        Assert.False(warned.Disabled);
        var bound = Assert.Single(warned.BoundChains);
        Assert.Equal((scheduled.Chain!.Id, true), (bound.ChainId, bound.Pinned));
        Assert.Equal(GatewayDesiredState.Enabled, (await _engine.GatewayAsync(gateway.Id)).DesiredState);

        var confirmed = await _engine.Gateways().DisableAsync(gateway.Id, confirmed: true);
        Assert.True(confirmed.Disabled);
        await _engine.RunDueAsync();
        Assert.Equal("RefundOnly", (await _engine.AtFlexPayAsync(token)).Status);

        // Due while its gateway is disabled: held, not sent, not failed.
        await _engine.AdvanceToNextRunAsync();
        var waiting = await _engine.ChainAsync(scheduled.Chain.Id);
        Assert.Equal(ChainState.Waiting, waiting.State);
        Assert.Contains("MID-closing", waiting.StateReason, StringComparison.Ordinal);
        var held = Assert.Single(waiting.Attempts);
        Assert.Equal(AttemptStatus.Waiting, held.Status);
        Assert.Single(await _engine.ProcessedChargesAsync());

        // Enabled again: once FlexPay has it Available, the same retry goes out through it.
        await _engine.Gateways().EnableAsync(gateway.Id);
        await _engine.RunDueAsync();
        var goneOn = await _engine.ChainAsync(scheduled.Chain.Id);
        Assert.Equal(ChainState.Recovered, goneOn.State);
        var sent = Assert.Single(goneOn.Attempts);
        Assert.Equal((1, token), (sent.RetryCount, sent.GatewayTokenSent));

        var refund = await _engine.Services.GetRequiredService<RefundProcessor>().RefundAsync(recovered.Chain.Id, 2500, "Goodwill", "test");
        Assert.Equal(RefundStatus.Approved, refund.Status);
        Assert.Equal(ChainState.PartlyRefunded, (await _engine.ChainAsync(recovered.Chain.Id)).State);
        output.WriteLine($"Gateway {token} disabled: retry {sent.MerchantTransactionId} waited, then went out once it was enabled again; refund {refund.TransactionId} approved ({refund.ResponseCode}).");
    }
}
