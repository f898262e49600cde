namespace FlexPay.Core.Webhooks;

/// <summary>
/// Something that happened, written in the same transaction as the change that caused it (the outbox). <see cref="Body"/>
/// is the exact JSON every delivery sends and signs, so a resend is byte for byte the same. Events of one
/// <see cref="SubjectId"/> (a recovery or a gateway) are delivered in <see cref="Sequence"/> order.
/// </summary>
public sealed class WebhookEvent
{
    private WebhookEvent()
    {
        Type = Body = null!;
    }

    internal WebhookEvent(Guid id, string type, Guid subjectId, long sequence, string body, DateTimeOffset createdAt)
    {
        Id = id;
        Type = type;
        SubjectId = subjectId;
        Sequence = sequence;
        Body = body;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string Type { get; private set; }

    /// <summary>The recovery (or gateway) the event is about: deliveries of one subject go out one at a time.</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>Order among the subject's events: its optimistic-concurrency version at the change, then the place in that change.</summary>
    public long Sequence { get; private set; }

    public string Body { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
