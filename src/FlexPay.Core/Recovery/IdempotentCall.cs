using System.Security.Cryptography;
using System.Text.Json;

namespace FlexPay.Core.Recovery;

/// <summary>
/// A caller's Idempotency-Key with the fingerprint of what it asked under it: two requests are the same when both match.
/// </summary>
public sealed record IdempotentCall(string Key, string Fingerprint)
{
    public const int MaxKeyLength = 255;

    /// <summary>1 to 255 printable ASCII characters, as Stripe and the IETF draft allow.</summary>
    public static bool IsValidKey(string key) => key.Length is >= 1 and <= MaxKeyLength && key.All(c => c is >= ' ' and <= '~');

    /// <summary><paramref name="canonicalRequest"/> is the target and the body as parsed, so spacing or field order change nothing.</summary>
    public static IdempotentCall For<T>(string key, T canonicalRequest) =>
        new(key, Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(canonicalRequest))));
}
