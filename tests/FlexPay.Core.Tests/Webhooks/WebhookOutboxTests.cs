using System.Text.Json;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Tests.Recovery.Engine;
using FlexPay.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Webhooks;

/// <summary>Events come from the changes the engine saves, in the same transaction, with the API's view as data.</summary>
public sealed class WebhookOutboxTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;
    private WebhookEndpoint _endpoint = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineHarness.StartAsync();
        _endpoint = await WebhookTestData.RegisterAsync(_engine.Services, WebhookEventTypes.All);
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_recovered_payment_emits_created_then_recovered_each_with_one_delivery()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(1000));
        await _engine.RunDueAsync();

        var events = await WebhookTestData.EventsAsync(_engine.Services, created.Chain!.Id);
        Assert.Equal([WebhookEventTypes.RecoveryCreated, WebhookEventTypes.RecoveryRecovered], events.Select(e => e.Type));
        using var recovered = JsonDocument.Parse(events[1].Body);
        Assert.Equal(events[1].Id, recovered.RootElement.GetProperty("id").GetGuid());
        Assert.Equal(created.Chain.Id, recovered.RootElement.GetProperty("data").GetProperty("id").GetGuid());
        Assert.Equal("Recovered", recovered.RootElement.GetProperty("data").GetProperty("state").GetString());
        Assert.Equal(2, await WebhookTestData.DeliveryCountAsync(_engine.Services, _endpoint.Id));
    }

    [Fact]
    public async Task A_hard_decline_emits_the_declined_attempt_before_the_failure()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(3016));
        await _engine.RunDueAsync();

        var events = await WebhookTestData.EventsAsync(_engine.Services, created.Chain!.Id);
        Assert.Equal(
            [WebhookEventTypes.RecoveryCreated, WebhookEventTypes.RecoveryAttemptDeclined, WebhookEventTypes.RecoveryFailed],
            events.Select(e => e.Type));
        using var declined = JsonDocument.Parse(events[1].Body);
        Assert.Equal(created.Chain.Attempts[0].MerchantTransactionId, declined.RootElement.GetProperty("merchantTransactionId").GetString());
    }

    [Fact]
    public async Task A_change_that_rolls_back_emits_nothing()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(1000));
        var factory = _engine.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var chain = await db.Chains.Include(c => c.Attempts).Include(c => c.Refunds).SingleAsync(c => c.Id == created.Chain!.Id);
            chain.Cancel("staff", "customer asked", _engine.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var events = await WebhookTestData.EventsAsync(_engine.Services, created.Chain!.Id);
        Assert.Equal([WebhookEventTypes.RecoveryCreated], events.Select(e => e.Type));
    }

    [Fact]
    public async Task A_save_that_loses_a_concurrency_race_emits_nothing()
    {
        var created = await _engine.SubmitAsync(Requests.Payment(1000));
        var factory = _engine.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>();
        await using var loser = await factory.CreateDbContextAsync();
        var stale = await loser.Chains.Include(c => c.Attempts).Include(c => c.Refunds).SingleAsync(c => c.Id == created.Chain!.Id);
        await _engine.Services.GetRequiredService<ChainActions>().CancelAsync(created.Chain!.Id, "staff", "first");
        stale.Cancel("staff", "second", _engine.Clock.GetUtcNow());

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => loser.SaveChangesAsync());

        var events = await WebhookTestData.EventsAsync(_engine.Services, created.Chain.Id);
        Assert.Equal([WebhookEventTypes.RecoveryCreated, WebhookEventTypes.RecoveryCancelled], events.Select(e => e.Type));
        Assert.Empty(loser.ChangeTracker.Entries<WebhookEvent>());
    }

    [Fact]
    public async Task An_endpoint_gets_only_the_events_it_subscribed_to()
    {
        var recoveredOnly = await WebhookTestData.RegisterAsync(_engine.Services, [WebhookEventTypes.RecoveryRecovered]);

        await _engine.SubmitAsync(Requests.Payment(3016));
        await _engine.SubmitAsync(Requests.Payment(1000));
        await _engine.RunDueAsync();

        Assert.Equal(1, await WebhookTestData.DeliveryCountAsync(_engine.Services, recoveredOnly.Id));
        Assert.Equal(5, await WebhookTestData.DeliveryCountAsync(_engine.Services, _endpoint.Id));
    }
}
