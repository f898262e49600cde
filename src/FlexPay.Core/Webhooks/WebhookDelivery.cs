using FlexPay.Core.Text;

namespace FlexPay.Core.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// One event on its way to one endpoint: tried until the receiver answers 2xx, with back-off, for up to
/// <see cref="WebhookBackoff.GiveUpAfter"/>. Every try is kept for the delivery log (<see cref="Tries"/>), the last one's
/// answer also on the delivery itself, for the list.
/// </summary>
public sealed class WebhookDelivery
{
    /// <summary>How much of the receiver's answer is kept.</summary>
    public const int ResponseExcerptLength = 1024;

    private readonly List<WebhookDeliveryTry> _tries = [];

    private WebhookDelivery()
    {
        Event = null!;
    }

    internal WebhookDelivery(WebhookEvent webhookEvent, Guid endpointId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Event = webhookEvent;
        EventId = webhookEvent.Id;
        EndpointId = endpointId;
        SubjectId = webhookEvent.SubjectId;
        Sequence = webhookEvent.Sequence;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }

    public Guid EventId { get; private set; }

    public WebhookEvent Event { get; private set; }

    public Guid EndpointId { get; private set; }

    /// <summary>The event's subject and sequence, copied so the next-due query needs no join.</summary>
    public Guid SubjectId { get; private set; }

    public long Sequence { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public double? LastDurationMs { get; private set; }

    public string? LastResponse { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>The tries made so far, when loaded; a try recorded here is added to the save that records it.</summary>
    public IReadOnlyList<WebhookDeliveryTry> Tries => _tries;

    internal void RecordSuccess(int statusCode, TimeSpan duration, string? response, DateTimeOffset now)
    {
        Record(statusCode, error: null, duration, response, now);
        Status = WebhookDeliveryStatus.Delivered;
        DeliveredAt = now;
        NextAttemptAt = null;
    }

    /// <summary>Schedules the next try after <paramref name="pauseAfter">(failures so far), or gives up (returns true) once the first try is 3 days old.</summary>
    internal bool RecordFailure(int? statusCode, string error, TimeSpan duration, string? response, Func<int, TimeSpan> pauseAfter, DateTimeOffset now)
    {
        Record(statusCode, error, duration, response, now);
        var next = now + pauseAfter(Attempts);
        if (next - CreatedAt > WebhookBackoff.GiveUpAfter)
        {
            Status = WebhookDeliveryStatus.Failed;
            NextAttemptAt = null;
            return true;
        }
        NextAttemptAt = next;
        return false;
    }

    /// <summary>Sends it again now (a replay from the log): a new 3-day window, the same event id and body.</summary>
    public void Replay(DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Pending;
        CreatedAt = now;
        NextAttemptAt = now;
        DeliveredAt = null;
    }

    private void Record(int? statusCode, string? error, TimeSpan duration, string? response, DateTimeOffset now)
    {
        Attempts++;
        LastAttemptAt = now;
        LastStatusCode = statusCode;
        LastError = error is null ? null : Excerpt(error, TextLimits.Message);
        LastDurationMs = duration.TotalMilliseconds;
        LastResponse = response is null ? null : Excerpt(response, ResponseExcerptLength);
        _tries.Add(new WebhookDeliveryTry(Id, Attempts, now, statusCode, LastError, LastDurationMs.Value, LastResponse));
    }

    private static string Excerpt(string text, int length) => text.Length > length ? text[..length] : text;
}
