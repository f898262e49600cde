namespace FlexPay.Core.Secrets;

/// <summary>The kinds of secret kept at rest; each is the service key of its <see cref="ISecretProtector"/> and its Data Protection purpose.</summary>
public static class SecretKinds
{
    public const string FlexPayApiKey = "FlexPay.Secrets.ApiKey.v1";

    public const string GatewayCredentials = "FlexPay.Secrets.GatewayCredentials.v1";

    public const string WebhookSigningSecret = "FlexPay.Secrets.WebhookSigningSecret.v1";

    public static IReadOnlyList<string> All { get; } = [FlexPayApiKey, GatewayCredentials, WebhookSigningSecret];
}
