namespace FlexPay.Core.Webhooks;

/// <summary>No webhook endpoint, event or delivery with that id; the API answers 404.</summary>
public sealed class WebhookNotFoundException(string kind, Guid id) : NotFoundException(kind, $"There is no {kind} {id}.");
