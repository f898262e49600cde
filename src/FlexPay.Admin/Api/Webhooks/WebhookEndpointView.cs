using FlexPay.Core.Webhooks;

namespace FlexPay.Admin.Api.Webhooks;

/// <summary>An endpoint as the API shows it: never its secret, except <see cref="Secret"/> right after creation or a roll.</summary>
public sealed record WebhookEndpointView(
    Guid Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    bool Enabled,
    DateTimeOffset? PreviousSecretExpiresAt,
    DateTimeOffset? FlaggedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Secret)
{
    public static WebhookEndpointView From(WebhookEndpoint e, string? secret = null) => new(
        e.Id, e.Url, e.Events, e.Description, e.Enabled, e.PreviousSecretExpiresAt, e.FlaggedAt, e.CreatedAt, e.UpdatedAt, secret);
}

/// <summary>One event's delivery to an endpoint, as the delivery log shows it.</summary>
public sealed record WebhookDeliveryView(
    Guid Id,
    Guid EventId,
    string EventType,
    Guid SubjectId,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    string? LastError,
    double? LastDurationMs,
    string? LastResponse,
    DateTimeOffset? DeliveredAt)
{
    public static WebhookDeliveryView From(WebhookDelivery d) => new(
        d.Id, d.EventId, d.Event.Type, d.SubjectId, d.Status, d.Attempts, d.CreatedAt, d.NextAttemptAt, d.LastAttemptAt,
        d.LastStatusCode, d.LastError, d.LastDurationMs, d.LastResponse, d.DeliveredAt);
}

/// <summary>One try of a delivery, as the delivery log's history shows it.</summary>
public sealed record WebhookDeliveryTryView(int Number, DateTimeOffset At, int? StatusCode, string? Error, double DurationMs, string? Response)
{
    public static WebhookDeliveryTryView From(WebhookDeliveryTry t) => new(t.Number, t.At, t.StatusCode, t.Error, t.DurationMs, t.Response);
}
