using FlexPay.Core.Accounts;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Recovery.Dispatch;
using FlexPay.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Tests.Recovery.Engine;

/// <summary>
/// Several nodes on one PostgreSQL database (docs/decisions/017): a claim never takes what another node's claim
/// holds, a starting node leaves the sends in flight to the sweeper's lease instead of taking them over, and one node
/// at a time delivers webhooks; an account key changed on one node reaches the others.
/// </summary>
[Collection(PostgresServer.Collection)]
public sealed class NodesSharingWorkTests(PostgresServer postgres) : IAsyncLifetime
{
    private const int Payments = 20;

    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(postgres: await postgres.CreateDatabaseAsync());

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private AttemptBatch Batches => _engine.Services.GetRequiredService<AttemptBatch>();

    [Fact]
    public async Task A_claim_skips_the_attempts_another_nodes_claim_holds_and_takes_the_next_ones_without_waiting()
    {
        await SubmitDueAsync();
        await using var otherNode = await CreateDbAsync();
        await using var otherClaim = await otherNode.Database.BeginTransactionAsync();
        var held = await otherNode.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM "Attempts" WHERE "Status" = 'Scheduled' ORDER BY "DueAt", "Id" LIMIT 10 FOR UPDATE
            """).ToListAsync();

        // Without SKIP LOCKED the claim would wait for the other node's locks, here for ever.
        await using (var claimed = await Batches.ClaimDueAsync(_engine.Clock.GetUtcNow(), Payments, [], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)))
        {
            Assert.Equal(Payments - held.Count, claimed.Count);
        }
        var sending = await AttemptIdsAsync(AttemptStatus.Sending);
        Assert.Equal(Payments - held.Count, sending.Count);
        Assert.Empty(sending.Intersect(held));

        await otherClaim.RollbackAsync();
        await using (var claimed = await Batches.ClaimDueAsync(_engine.Clock.GetUtcNow(), Payments, [], CancellationToken.None))
        {
            Assert.Equal(held.Count, claimed.Count);
        }
        Assert.Equal(Payments, (await AttemptIdsAsync(AttemptStatus.Sending)).Count);
    }

    [Fact]
    public async Task A_starting_node_leaves_another_nodes_sends_alone_until_the_sweepers_lease_is_over_then_each_is_sent_once()
    {
        await SubmitDueAsync();
        // Another node claimed every due attempt and is sending them (or died doing so).
        await using (await Batches.ClaimDueAsync(_engine.Clock.GetUtcNow(), Payments, [], CancellationToken.None))
        {
        }

        await _engine.RestartEngineAsync();
        Assert.Equal(Payments, (await AttemptIdsAsync(AttemptStatus.Sending)).Count);

        var lease = _engine.Services.GetRequiredService<IOptions<FlexPayOptions>>().Value.Timeout + new RecoveryOptions().StalledGrace;
        _engine.Clock.Advance(lease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await _engine.Services.GetRequiredService<StalledWorkSweeper>().SweepAsync());
        _engine.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(Payments, await _engine.Services.GetRequiredService<StalledWorkSweeper>().SweepAsync());
        await _engine.RunDueAsync();

        Assert.Equal(Payments, (await AttemptIdsAsync(AttemptStatus.Approved)).Count);
        Assert.Equal(Payments, (await _engine.ProcessedChargesAsync()).Count);
    }

    [Fact]
    public async Task A_webhook_round_is_skipped_while_another_node_runs_one_and_runs_once_that_one_ends()
    {
        var oneNode = _engine.Services.GetRequiredService<OneNodeAtATime>();
        var rounds = 0;
        Task<int> Round() => Task.FromResult(++rounds);
        await using var otherNode = await CreateDbAsync();
        await otherNode.Database.OpenConnectionAsync();
        await otherNode.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({OneNodeAtATime.WebhookRoundsKey})");

        Assert.Equal(0, await oneNode.RunAsync(OneNodeAtATime.WebhookRoundsKey, Round, CancellationToken.None));
        Assert.Equal(0, rounds);

        await otherNode.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({OneNodeAtATime.WebhookRoundsKey})");
        Assert.Equal(1, await oneNode.RunAsync(OneNodeAtATime.WebhookRoundsKey, Round, CancellationToken.None));
        // The round gave the lock back: the next one runs too.
        Assert.Equal(2, await oneNode.RunAsync(OneNodeAtATime.WebhookRoundsKey, Round, CancellationToken.None));
    }

    [Fact]
    public async Task A_key_replaced_on_another_node_is_used_here_within_seconds()
    {
        var here = _engine.Services.GetRequiredService<IFlexPayAccounts>();
        var company = here.DefaultCompany;
        var before = here.GetApiKey(company);
        var otherNode = ActivatorUtilities.CreateInstance<FlexPayAccounts>(_engine.Services);
        await otherNode.ReplaceKeyAsync(company, EngineHarness.SecondCompanyKey);

        Assert.Equal(before, here.GetApiKey(company));
        _engine.Clock.Advance(FlexPayAccounts.OtherNodesChangesSeenWithin);
        Assert.Equal(new FlexPayApiKey(EngineHarness.SecondCompanyKey), here.GetApiKey(company));
    }

    /// <summary>Payments whose first retries are all due now.</summary>
    private async Task SubmitDueAsync()
    {
        for (var i = 0; i < Payments; i++)
        {
            await _engine.SubmitAsync(Requests.Payment(1000));
        }
        _engine.Scheduler.Forget();
        _engine.Clock.Advance(new RecoveryOptions().FirstRetryDelay);
    }

    private async Task<List<Guid>> AttemptIdsAsync(AttemptStatus status)
    {
        await using var db = await CreateDbAsync();
        return await db.Attempts.Where(a => a.Status == status).Select(a => a.Id).ToListAsync();
    }

    private Task<FlexPayDbContext> CreateDbAsync() =>
        _engine.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
}
