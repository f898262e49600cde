namespace FlexPay.Core.Webhooks;

/// <summary>An endpoint as staff or the API enter it; <see cref="WebhookDraftValidator"/> says what is wrong, naming the field.</summary>
public sealed record WebhookDraft
{
    public string? Url { get; set; }

    public IReadOnlyList<string>? Events { get; set; }

    public string? Description { get; set; }

    public bool Enabled { get; set; } = true;
}
