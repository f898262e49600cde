namespace FlexPay.Core.Webhooks;

/// <summary>
/// One try of a delivery, kept for the delivery log: when it was made, what the receiver answered (its status or why
/// there was none), how long it took, and the first <see cref="WebhookDelivery.ResponseExcerptLength"/> characters of
/// its answer. The delivery keeps the last try's figures too, for the list; this is the whole history.
/// </summary>
public sealed class WebhookDeliveryTry
{
    private WebhookDeliveryTry()
    {
    }

    internal WebhookDeliveryTry(Guid deliveryId, int number, DateTimeOffset at, int? statusCode, string? error, double durationMs, string? response)
    {
        Id = Guid.CreateVersion7(at);
        DeliveryId = deliveryId;
        Number = number;
        At = at;
        StatusCode = statusCode;
        Error = error;
        DurationMs = durationMs;
        Response = response;
    }

    public Guid Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    /// <summary>1 for the first try; a replay goes on counting.</summary>
    public int Number { get; private set; }

    public DateTimeOffset At { get; private set; }

    public int? StatusCode { get; private set; }

    public string? Error { get; private set; }

    public double DurationMs { get; private set; }

    public string? Response { get; private set; }
}
