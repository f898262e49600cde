using FlexPay.Testing;
using FlexPay.Core.Recovery;
using FlexPay.Core.Recovery.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Recovery.Engine;

/// <summary>Steps 1 to 5 of FlexPay's integration guide, end to end against the sandbox.</summary>
public class GuideScenarioTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await StartEngineAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    /// <summary>The engine this class runs on: SQLite here, PostgreSQL in <see cref="GuideScenarioOnPostgres"/>.</summary>
    private protected virtual Task<EngineHarness> StartEngineAsync() => EngineHarness.StartAsync();

    [Fact]
    public async Task Step1_soft_decline_is_scheduled_at_the_retry_date_with_its_reference_data()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(2008));
        await _engine.RunDueAsync();

        var chain = await _engine.ChainAsync(created.Chain!.Id);
        var (first, next) = (chain.Attempts[0], chain.Attempts[1]);
        Assert.Equal("20003", first.ResponseCode);
        Assert.Equal(EngineHarness.Start + EngineHarness.SandboxRetryDelay, first.RetryDateReceived);
        Assert.NotNull(first.ReferenceDataReceived);
        Assert.Equal(ChainState.Scheduled, chain.State);
        Assert.Equal(first.RetryDateReceived, next.DueAt);
        Assert.Equal(first.ReferenceDataReceived, next.ReferenceDataSent);
        Assert.Equal(next.DueAt, await _engine.NextDueAsync());
        Assert.Contains(next.DueAt, _engine.Scheduler.Armed);
    }

    [Theory]
    [InlineData(3016, "30011")]
    [InlineData(4018, "40000")]
    [InlineData(5023, "50000")]
    public async Task Step2_hard_declines_are_never_scheduled(long amount, string code)
    {
        var created = await _engine.SubmitAsync(Requests.Payment(amount));
        await _engine.RunDueAsync();

        var chain = await _engine.ChainAsync(created.Chain!.Id);
        Assert.Equal(code, Assert.Single(chain.Attempts).ResponseCode);
        Assert.Equal(ChainState.Failed, chain.State);
        Assert.Null(chain.NextAttemptDueAt);
        Assert.Empty(_engine.Scheduler.Pending);
    }

    [Fact]
    public async Task Step3_a_payment_declined_by_the_merchant_is_recovered_with_retry_count_1()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(1000, merchantDeclinedAt: EngineHarness.Start.AddHours(-1)));
        Assert.Empty(await _engine.ProcessedChargesAsync());

        await _engine.AdvanceToNextRunAsync();

        var chain = await _engine.ChainAsync(created.Chain!.Id);
        var attempt = Assert.Single(chain.Attempts);
        Assert.Equal(ChainState.Recovered, chain.State);
        Assert.Equal(1, attempt.RetryCount);
        Assert.Equal(EngineHarness.Start.AddHours(23), attempt.DueAt);
        Assert.Equal(1, (int)Assert.Single(await _engine.ProcessedChargesAsync())["retryCount"]!);
    }

    [Fact]
    public async Task Step4_three_attempts_carry_counts_0_1_2_and_the_previous_responses_reference_data()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(2008));
        await _engine.RunDueAsync();
        await _engine.AdvanceToNextRunAsync();
        await _engine.AdvanceToNextRunAsync();

        var sent = (await _engine.ProcessedChargesAsync()).Take(3).ToList();
        Assert.Equal([0, 1, 2], sent.Select(e => (int)e["retryCount"]!));
        Assert.Null((string?)sent[0]["referenceData"]);
        Assert.Equal((string?)sent[0]["responseReferenceData"], (string?)sent[1]["referenceData"]);
        Assert.Equal((string?)sent[1]["responseReferenceData"], (string?)sent[2]["referenceData"]);
        Assert.NotEqual((string?)sent[1]["referenceData"], (string?)sent[2]["referenceData"]);
        Assert.Single(sent.Select(e => (string?)e["orderId"]).Distinct());
        Assert.Equal(3, sent.Select(e => (string?)e["merchantTransactionId"]).Distinct().Count());
        Assert.Equal(ChainState.Scheduled, (await _engine.ChainAsync(created.Chain!.Id)).State);
    }

    [Fact]
    public async Task Step5_a_recovered_charge_is_refunded_through_flexpay_by_its_transaction_token()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(7500, merchantDeclinedAt: EngineHarness.Start.AddHours(-1)));
        await _engine.AdvanceToNextRunAsync();
        var recovered = await _engine.ChainAsync(created.Chain!.Id);

        var refunds = _engine.Services.GetRequiredService<RefundProcessor>();
        var partial = await refunds.RefundAsync(recovered.Id, 4000, "Goodwill", "finance@example.com");
        var rest = await refunds.RefundAsync(recovered.Id, null, "Cancelled plan", "finance@example.com");

        Assert.Equal((RefundStatus.Approved, RefundStatus.Approved), (partial.Status, rest.Status));
        Assert.Equal(3500, rest.Amount);
        var chain = await _engine.ChainAsync(recovered.Id);
        Assert.Equal(ChainState.Refunded, chain.State);
        var refundCalls = (await _engine.SandboxLogAsync()).Where(e => ((string?)e["path"])!.EndsWith("/refund", StringComparison.Ordinal)).ToList();
        Assert.All(refundCalls, e => Assert.Contains($"/transactions/{recovered.RecoveredTransactionId}/refund", (string?)e["path"]));
        Assert.Equal(2, refundCalls.Count);
    }

    [Theory]
    [InlineData("USD", 1999)]
    [InlineData("JPY", 1500)]
    [InlineData("EUR", 4250)]
    public async Task Recoveries_work_in_several_currencies_including_zero_decimal_ones(string currency, long amount)
    {
        var created = await _engine.SubmitAsync(Requests.Payment(amount, currency, merchantDeclinedAt: EngineHarness.Start.AddHours(-1)));
        await _engine.AdvanceToNextRunAsync();

        var charge = Assert.Single(await _engine.ProcessedChargesAsync());
        Assert.Equal(currency, (string?)charge["currencyCode"]);
        Assert.Equal(amount, (long)charge["amount"]!);
        Assert.Equal(ChainState.Recovered, (await _engine.ChainAsync(created.Chain!.Id)).State);
    }

    [Fact]
    public async Task Replaying_an_external_id_returns_the_first_chain_and_sends_nothing_more()
    {
        var request = Requests.Payment(1000);
        var first = await _engine.SubmitAsync(request);
        await _engine.RunDueAsync();

        var replay = await _engine.SubmitAsync(request);
        await _engine.RunDueAsync();

        Assert.Equal(IntakeOutcome.AlreadyExists, replay.Outcome);
        Assert.Equal(first.Chain!.Id, replay.Chain!.Id);
        Assert.Single(await _engine.ProcessedChargesAsync());
    }
}

/// <summary>The same tests with the engine on PostgreSQL, a fresh database each.</summary>
[Collection(PostgresServer.Collection)]
public sealed class GuideScenarioOnPostgres(PostgresServer postgres) : GuideScenarioTests
{
    private protected override async Task<EngineHarness> StartEngineAsync() => await EngineHarness.StartAsync(postgres: await postgres.CreateDatabaseAsync());
}
