using System.Text.Json;
using FlexPay.Core.Secrets;

namespace FlexPay.Core.Gateways;

/// <summary>Seals a credentials map into one encrypted document, and opens it only to send it to FlexPay.</summary>
internal static class GatewayCredentials
{
    public const string NeedsReentry =
        "The gateway's credentials can no longer be decrypted (the key ring that protected them is gone); enter them again.";

    public static string Seal(ISecretProtector protector, IReadOnlyDictionary<string, string> credentials) =>
        protector.Protect(JsonSerializer.Serialize(credentials.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)));

    /// <summary>Throws <see cref="SecretNeedsReentryException"/> when the document can no longer be decrypted.</summary>
    public static IReadOnlyDictionary<string, string> Open(ISecretProtector protector, string? sealedCredentials) =>
        sealedCredentials is null ? new Dictionary<string, string>()
        : protector.TryUnprotect(sealedCredentials, out var json) ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []
        : throw new SecretNeedsReentryException(NeedsReentry);

    public static bool CanOpen(ISecretProtector protector, string? sealedCredentials) =>
        sealedCredentials is null || protector.TryUnprotect(sealedCredentials, out _);
}
