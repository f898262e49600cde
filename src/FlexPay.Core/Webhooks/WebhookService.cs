using System.Security.Cryptography;
using FlexPay.Core.Audit;
using FlexPay.Core.Persistence;
using FlexPay.Core.Secrets;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Webhooks;

/// <summary>A saved endpoint, and its signing secret when it was just made or rolled (shown once, never again).</summary>
public sealed record WebhookResult(WebhookEndpoint? Endpoint, string? Secret, ValidationResult Validation)
{
    public bool IsValid => Validation.IsValid;

    public IDictionary<string, string[]> Errors => Validation.ToDictionary();
}

/// <summary>
/// What Admins and the API do with webhook endpoints and their delivery log; the screens and the REST API share it. Every
/// change is audited: an endpoint decides where recovery data goes.
/// </summary>
public sealed class WebhookService(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    IValidator<WebhookDraft> validator,
    [FromKeyedServices(SecretKinds.WebhookSigningSecret)] ISecretProtector protector,
    WebhookWakeUp wakeUp,
    AuditTrail audit,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync(ct);
    }

    public async Task<WebhookEndpoint> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new WebhookNotFoundException("webhook", id);
    }

    public async Task<WebhookResult> CreateAsync(WebhookDraft draft, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(draft, ct);
        if (!validation.IsValid)
        {
            await audit.RecordAsync("webhook.create", $"webhook {draft.Url}", AuditOutcome.Refused, string.Join(" ", validation.Errors.Select(e => e.ErrorMessage)), ct);
            return new(null, null, validation);
        }
        var secret = NewSecret();
        var endpoint = WebhookEndpoint.Register(new Uri(draft.Url!), draft.Events!, Blank(draft.Description), protector.Protect(secret), clock.GetUtcNow());
        if (!draft.Enabled)
        {
            endpoint.Change(new Uri(endpoint.Url), endpoint.Events, endpoint.Description, enabled: false, clock.GetUtcNow());
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("webhook.create", Target(endpoint), AuditOutcome.Succeeded, Describe(endpoint), ct);
        return new(endpoint, secret, validation);
    }

    public async Task<WebhookResult> UpdateAsync(Guid id, WebhookDraft draft, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(draft, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var endpoint = await FindAsync(db, id, ct);
        if (validation.IsValid)
        {
            endpoint.Change(new Uri(draft.Url!), draft.Events!, Blank(draft.Description), draft.Enabled, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        await audit.RecordAsync("webhook.update", Target(endpoint), validation.IsValid ? AuditOutcome.Succeeded : AuditOutcome.Refused,
            validation.IsValid ? Describe(endpoint) : string.Join(" ", validation.Errors.Select(e => e.ErrorMessage)), ct);
        return new(endpoint, null, validation);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var endpoint = await FindAsync(db, id, ct);
        db.WebhookEndpoints.Remove(endpoint);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("webhook.delete", Target(endpoint), AuditOutcome.Succeeded, ct: ct);
    }

    /// <summary>A new signing secret, returned once; the previous one keeps signing for 24 h.</summary>
    public async Task<WebhookResult> RollSecretAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var endpoint = await FindAsync(db, id, ct);
        var secret = NewSecret();
        endpoint.RollSecret(protector.Protect(secret), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("webhook.roll_secret", Target(endpoint), AuditOutcome.Succeeded, ct: ct);
        return new(endpoint, secret, new ValidationResult());
    }

    /// <summary>The endpoint's latest deliveries, newest first, optionally of one event type or one recovery.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(Guid id, string? eventType = null, Guid? recoveryId = null, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FindAsync(db, id, ct);
        var query = db.WebhookDeliveries.AsNoTracking().Include(d => d.Event).Where(d => d.EndpointId == id);
        if (eventType is not null)
        {
            query = query.Where(d => d.Event.Type == eventType);
        }
        if (recoveryId is { } subject)
        {
            query = query.Where(d => d.SubjectId == subject);
        }
        return await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Sequence).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
    }

    /// <summary>Every try of one delivery, first to last: when, what the receiver answered, how long it took.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryTry>> TriesAsync(Guid endpointId, Guid deliveryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.WebhookDeliveries.AnyAsync(d => d.Id == deliveryId && d.EndpointId == endpointId, ct))
        {
            throw new WebhookNotFoundException("webhook delivery", deliveryId);
        }
        return await db.WebhookDeliveryTries.AsNoTracking().Where(t => t.DeliveryId == deliveryId).OrderBy(t => t.Number).ToListAsync(ct);
    }

    /// <summary>Sends a delivery again now, with the same event id and body (the receiver deduplicates by id).</summary>
    public async Task<WebhookDelivery> ReplayAsync(Guid endpointId, Guid deliveryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var delivery = await db.WebhookDeliveries.Include(d => d.Event).SingleOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == endpointId, ct)
            ?? throw new WebhookNotFoundException("webhook delivery", deliveryId);
        delivery.Replay(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("webhook.replay", $"webhook {endpointId}", AuditOutcome.Succeeded, $"{delivery.Event.Type} {delivery.EventId}", ct);
        wakeUp.Signal();
        return delivery;
    }

    /// <summary>Queues a <c>webhook.test</c> event for this endpoint only, so a receiver can be checked before real events flow.</summary>
    public async Task<WebhookDelivery> SendTestAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var endpoint = await FindAsync(db, id, ct);
        var now = clock.GetUtcNow();
        var eventId = Guid.CreateVersion7(now);
        var body = new WebhookEnvelope(eventId, WebhookEventTypes.Test, now, null, null, new { endpointId = endpoint.Id, endpoint.Url }).ToJson();
        var webhookEvent = new WebhookEvent(eventId, WebhookEventTypes.Test, endpoint.Id, now.UtcTicks, body, now);
        var delivery = new WebhookDelivery(webhookEvent, endpoint.Id, now);
        db.WebhookEvents.Add(webhookEvent);
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        return delivery;
    }

    private static async Task<WebhookEndpoint> FindAsync(FlexPayDbContext db, Guid id, CancellationToken ct) =>
        await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new WebhookNotFoundException("webhook", id);

    private static string Target(WebhookEndpoint endpoint) => $"webhook {endpoint.Url}";

    private static string Describe(WebhookEndpoint endpoint) =>
        $"{(endpoint.Enabled ? "enabled" : "disabled")}; events: {string.Join(", ", endpoint.Events)}";

    private static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
