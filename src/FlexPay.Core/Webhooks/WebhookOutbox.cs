using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FlexPay.Core.Webhooks;

/// <summary>
/// The outbox: before a save, adds the events its changes cause (<see cref="WebhookChanges"/>) and one delivery per
/// endpoint that wants each, to that same save, so they commit or roll back with the change. After the save it wakes
/// the dispatcher.
/// </summary>
public sealed class WebhookOutbox(TimeProvider clock, WebhookWakeUp wakeUp) : SaveChangesInterceptor
{
    /// <summary>Room for this many events of one subject in one save before the next version's sequence numbers.</summary>
    private const int EventsPerVersion = 16;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is FlexPayDbContext db && Derive(db) is { Count: > 0 } changes)
        {
            Write(db, changes, [.. db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled)]);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is FlexPayDbContext db && Derive(db) is { Count: > 0 } changes)
        {
            Write(db, changes, await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).ToListAsync(cancellationToken));
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfDeliveries(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfDeliveries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetDerived(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetDerived(eventData.Context);
        return Task.CompletedTask;
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        ForgetDerived(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ForgetDerived(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>A save that failed (a concurrency conflict) may be tried again on the same context: it derives its events afresh.</summary>
    private static void ForgetDerived(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var derived = context.ChangeTracker.Entries<WebhookEvent>()
            .Where(e => e.State == EntityState.Added && WebhookEventTypes.IsKnown(e.Entity.Type)).Select(e => e.Entity).ToHashSet();
        foreach (var delivery in context.ChangeTracker.Entries<WebhookDelivery>().Where(d => d.State == EntityState.Added && derived.Contains(d.Entity.Event)).ToList())
        {
            delivery.State = EntityState.Detached;
        }
        foreach (var entry in context.ChangeTracker.Entries<WebhookEvent>().Where(e => derived.Contains(e.Entity)).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private static List<WebhookChanges.Change> Derive(FlexPayDbContext db)
    {
        // Changes detected once for the whole derivation: each of its reads would otherwise scan every tracked entity again.
        db.ChangeTracker.DetectChanges();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return WebhookChanges.Derive(db.ChangeTracker);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private void Write(FlexPayDbContext db, List<WebhookChanges.Change> changes, List<WebhookEndpoint> endpoints)
    {
        var now = clock.GetUtcNow();
        var places = new Dictionary<Guid, int>();
        foreach (var change in changes)
        {
            var place = places[change.SubjectId] = places.GetValueOrDefault(change.SubjectId) + 1;
            var id = Guid.CreateVersion7(now);
            var body = new WebhookEnvelope(id, change.Type, now, change.RefundId, change.MerchantTransactionId, change.Data).ToJson();
            var webhookEvent = new WebhookEvent(id, change.Type, change.SubjectId, ((long)change.SubjectVersion * EventsPerVersion) + place, body, now);
            db.WebhookEvents.Add(webhookEvent);
            foreach (var endpoint in endpoints.Where(e => e.Wants(change.Type)))
            {
                db.WebhookDeliveries.Add(new WebhookDelivery(webhookEvent, endpoint.Id, now));
            }
        }
    }

    private void WakeIfDeliveries(DbContext? context)
    {
        if (context is FlexPayDbContext db && db.ChangeTracker.Entries<WebhookDelivery>().Any(d => d.Entity.Status == WebhookDeliveryStatus.Pending))
        {
            wakeUp.Signal();
        }
    }
}
