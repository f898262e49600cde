using System.Text.Json;
using FlexPay.Core.Secrets;

namespace FlexPay.Core.Gateways;

/// <summary>Seals a credentials map into one encrypted document, and opens it only to send it to FlexPay.</summary>
internal static class GatewayCredentials
{
    public static string Seal(ISecretProtector protector, IReadOnlyDictionary<string, string> credentials) =>
        protector.Protect(JsonSerializer.Serialize(credentials.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)));

    public static IReadOnlyDictionary<string, string> Open(ISecretProtector protector, string? sealedCredentials) =>
        sealedCredentials is null
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(sealedCredentials)) ?? [];
}
