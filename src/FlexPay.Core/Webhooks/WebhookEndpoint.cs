using FlexPay.Core.Secrets;

namespace FlexPay.Core.Webhooks;

/// <summary>
/// Where the billing system wants to hear what happened: a URL, the event types it wants and a signing secret kept
/// encrypted at rest. After a roll the previous secret still signs for <see cref="PreviousSecretGrace"/>, so the
/// receiver can switch without losing a delivery. <see cref="FlaggedAt"/> marks an endpoint whose delivery gave up.
/// </summary>
public sealed class WebhookEndpoint
{
    public static readonly TimeSpan PreviousSecretGrace = TimeSpan.FromHours(24);

    private WebhookEndpoint()
    {
        Url = ProtectedSecret = null!;
        Events = [];
    }

    private WebhookEndpoint(Uri url, IReadOnlyList<string> events, string? description, string protectedSecret, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Url = url.AbsoluteUri;
        Events = [.. events];
        Description = description;
        Enabled = true;
        ProtectedSecret = protectedSecret;
        CreatedAt = UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Url { get; private set; }

    public IReadOnlyList<string> Events { get; private set; }

    public string? Description { get; private set; }

    public bool Enabled { get; private set; }

    public string ProtectedSecret { get; private set; }

    public string? ProtectedPreviousSecret { get; private set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    /// <summary>When a delivery to it was given up (3 days of failures); cleared by the next successful delivery.</summary>
    public DateTimeOffset? FlaggedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static WebhookEndpoint Register(Uri url, IReadOnlyList<string> events, string? description, string protectedSecret, DateTimeOffset now) =>
        new(url, events, description, protectedSecret, now);

    public bool Wants(string eventType) => Enabled && Events.Contains(eventType, StringComparer.Ordinal);

    public void Change(Uri url, IReadOnlyList<string> events, string? description, bool enabled, DateTimeOffset now)
    {
        Url = url.AbsoluteUri;
        Events = [.. events];
        Description = description;
        Enabled = enabled;
        UpdatedAt = now;
    }

    /// <summary>Replaces the secret; the one it replaces keeps signing for 24 h.</summary>
    public void RollSecret(string protectedSecret, DateTimeOffset now)
    {
        ProtectedPreviousSecret = ProtectedSecret;
        PreviousSecretExpiresAt = now + PreviousSecretGrace;
        ProtectedSecret = protectedSecret;
        UpdatedAt = now;
    }

    /// <summary>The secrets that sign a delivery at <paramref name="now"/>: the current one, and the previous one during its grace.</summary>
    public IReadOnlyList<string> SigningSecrets(ISecretProtector protector, DateTimeOffset now) =>
        ProtectedPreviousSecret is { } previous && PreviousSecretExpiresAt > now
            ? [protector.Unprotect(ProtectedSecret), protector.Unprotect(previous)]
            : [protector.Unprotect(ProtectedSecret)];

    internal void Flag(DateTimeOffset now) => FlaggedAt ??= now;

    internal void ClearFlag() => FlaggedAt = null;
}
