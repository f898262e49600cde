using FlexPay.Core.Accounts;
using FlexPay.Core.Audit;
using FlexPay.Core.Certification;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Recovery.Intake;
using FlexPay.Core.Tests.Gateways;
using FlexPay.Core.Tests.Recovery.Engine;
using FlexPay.Core.Tests.Webhooks;
using FlexPay.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Certification;

/// <summary>
/// What a certification run makes is tagged with it, in the run's own scope, and kept apart by one rule
/// (<see cref="CertificationTag"/>): the lists' filter, the audit's actor, the webhooks, the clean-up at start-up.
/// </summary>
public sealed class CertificationTaggingTests : IAsyncLifetime
{
    private const string Admin = "admin@flexpay.test";

    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_payment_and_a_gateway_made_in_a_runs_scope_carry_the_run_and_the_lists_leave_them_out_unless_asked()
    {
        var (run, scope) = await EnterRunAsync();
        var certification = await SubmitAsync(scope.ServiceProvider, Requests.Payment(1000));
        var certificationGateway = await CreateGatewayAsync(scope.ServiceProvider, "CERT-TAGGED");
        await using var elsewhere = _engine.Services.CreateAsyncScope();
        var real = await SubmitAsync(elsewhere.ServiceProvider, Requests.Payment(1000));
        var realGateway = await CreateGatewayAsync(elsewhere.ServiceProvider, "MID-REAL");

        await using var db = await DbAsync();
        Assert.Equal([real.Id], await db.Chains.Shown(includeCertification: false).Select(c => c.Id).ToListAsync());
        Assert.Equal(new[] { certification.Id, real.Id }.Order(), (await db.Chains.Shown(includeCertification: true).Select(c => c.Id).ToListAsync()).Order());
        Assert.Equal([certification.Id], await db.Chains.OfRun(run.Id).Select(c => c.Id).ToListAsync());
        Assert.Equal(run.Id, await db.Chains.RunOfChainAsync(certification.Id));
        Assert.Null(await db.Chains.RunOfChainAsync(real.Id));
        Assert.Equal([realGateway.Id], await db.Gateways.Shown(includeCertification: false).Select(g => g.Id).ToListAsync());
        Assert.Equal(2, await db.Gateways.Shown(includeCertification: true).CountAsync());
        Assert.Equal([certificationGateway.Id], await db.Gateways.OfRun(run.Id).Select(g => g.Id).ToListAsync());
        await scope.DisposeAsync();
    }

    [Fact]
    public async Task In_a_runs_scope_the_audit_names_who_started_the_run_never_the_system()
    {
        var (run, scope) = await EnterRunAsync();

        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync("gateway.create", "gateway CERT-X", AuditOutcome.Succeeded);
        await using var elsewhere = _engine.Services.CreateAsyncScope();
        await elsewhere.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync("gateway.create", "gateway MID-REAL", AuditOutcome.Succeeded);

        await using var db = await DbAsync();
        var actors = await db.AuditEntries.OrderBy(e => e.Target).Select(e => e.Actor).ToListAsync();
        Assert.Equal([$"{Admin} (certification run {run.Mark})", SystemActor.Name], actors);
        Assert.Equal(run.Id.ToString("N")[^8..].ToUpperInvariant(), run.Mark);
        await scope.DisposeAsync();
    }

    [Fact]
    public async Task A_runs_recoveries_emit_no_webhooks_to_the_merchant()
    {
        await WebhookTestData.RegisterAsync(_engine.Services, WebhookEventTypes.All);
        var (_, scope) = await EnterRunAsync();
        var certification = await SubmitAsync(scope.ServiceProvider, Requests.Payment(1000));
        var real = await _engine.SubmitAsync(Requests.Payment(1000));

        await _engine.RunDueAsync();

        Assert.Equal(ChainState.Recovered, (await _engine.ChainAsync(certification.Id)).State);
        Assert.Empty(await WebhookTestData.EventsAsync(_engine.Services, certification.Id));
        Assert.Equal(
            [WebhookEventTypes.RecoveryCreated, WebhookEventTypes.RecoveryRecovered],
            (await WebhookTestData.EventsAsync(_engine.Services, real.Chain!.Id)).Select(e => e.Type));
        await scope.DisposeAsync();
    }

    [Fact]
    public async Task A_run_a_stopped_process_left_unfinished_is_closed_at_the_next_start_with_its_gateways_disabled_and_its_retries_cancelled()
    {
        var (run, scope) = await EnterRunAsync();
        var gateway = await CreateGatewayAsync(scope.ServiceProvider, "CERT-LEFT-ENABLED");
        await _engine.RunDueAsync();
        var waiting = await SubmitAsync(scope.ServiceProvider, Requests.Payment(1000, merchantDeclinedAt: _engine.Clock.GetUtcNow()));
        await scope.DisposeAsync();
        Assert.Equal(FlexPayGatewayStatuses.Available, (await _engine.AtFlexPayAsync((await _engine.GatewayAsync(gateway.Id)).FlexPayToken!)).Status);

        await _engine.RestartEngineAsync();
        await using (var startUp = _engine.Services.CreateAsyncScope())
        {
            await startUp.ServiceProvider.GetRequiredService<CertificationRunner>().InterruptUnfinishedAsync();
        }
        await _engine.RunDueAsync();

        var disabled = await _engine.GatewayAsync(gateway.Id);
        Assert.Equal(GatewayDesiredState.Disabled, disabled.DesiredState);
        Assert.Equal(FlexPayGatewayStatuses.RefundOnly, (await _engine.AtFlexPayAsync(disabled.FlexPayToken!)).Status);
        Assert.Equal(ChainState.Cancelled, (await _engine.ChainAsync(waiting.Id)).State);
        await using var db = await DbAsync();
        Assert.Equal(RunStatus.Interrupted, (await db.CertificationRuns.SingleAsync(r => r.Id == run.Id)).Status);
        var actor = $"{Admin} (certification run {run.Mark})";
        Assert.Equal(
            ["gateway.create", "gateway.disable", "recovery.cancel"],
            await db.AuditEntries.Where(e => e.Actor == actor).OrderBy(e => e.At).ThenBy(e => e.Action).Select(e => e.Action).ToListAsync());
        Assert.DoesNotContain(await db.AuditEntries.Select(e => e.Actor).ToListAsync(), a => a == SystemActor.Name);
    }

    [Fact]
    public async Task Start_up_leaves_a_run_this_process_queued_to_its_own_end()
    {
        var (run, scope) = await EnterRunAsync();
        var gateway = await CreateGatewayAsync(scope.ServiceProvider, "CERT-STILL-GOING");
        await scope.DisposeAsync();

        await using (var startUp = _engine.Services.CreateAsyncScope())
        {
            await startUp.ServiceProvider.GetRequiredService<CertificationRunner>().InterruptUnfinishedAsync();
        }

        await using var db = await DbAsync();
        Assert.Equal(RunStatus.Queued, (await db.CertificationRuns.SingleAsync(r => r.Id == run.Id)).Status);
        Assert.Equal(GatewayDesiredState.Enabled, (await _engine.GatewayAsync(gateway.Id)).DesiredState);
    }

    [Fact]
    public async Task A_run_is_refused_for_a_live_account_with_the_reason()
    {
        await _engine.Services.GetRequiredService<IFlexPayAccounts>().AddAsync("live-co", FlexPayMode.Live, EngineHarness.SecondCompanyKey);
        await using var scope = _engine.Services.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<CertificationRefusedException>(
            () => scope.ServiceProvider.GetRequiredService<CertificationRunner>().CreateAsync("live-co", Admin));

        Assert.Contains("only on a Sandbox account", refused.Message, StringComparison.Ordinal);
        Assert.Contains("live-co is a Live account", refused.Message, StringComparison.Ordinal);
        await using var db = await DbAsync();
        Assert.Empty(await db.CertificationRuns.ToListAsync());
    }

    /// <summary>A queued run, and a scope working for it as the run's job does.</summary>
    private async Task<(CertificationRun Run, AsyncServiceScope Scope)> EnterRunAsync()
    {
        var scope = _engine.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<CertificationRunner>().CreateAsync("default", Admin);
        scope.ServiceProvider.GetRequiredService<CertificationScope>().Enter(run);
        return (run, scope);
    }

    private static async Task<RecoveryChain> SubmitAsync(IServiceProvider services, RecoveryRequest request)
    {
        var result = await services.GetRequiredService<RecoveryIntake>().SubmitAsync(request);
        Assert.Equal(IntakeOutcome.Created, result.Outcome);
        return result.Chain!;
    }

    private static async Task<Gateway> CreateGatewayAsync(IServiceProvider services, string name)
    {
        var result = await services.GetRequiredService<GatewayService>().CreateAsync(GatewayBuilders.Draft(name, enabled: true));
        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        return result.Gateway!;
    }

    private Task<FlexPayDbContext> DbAsync() => _engine.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
}
