using OtpNet;

namespace FlexPay.Testing;

/// <summary>
/// What an authenticator app computes from the key the set-up page shows (RFC 6238: 30-second steps, six digits),
/// with a TOTP library of its own, so the console's code is not trusted to check itself.
/// </summary>
public static class AuthenticatorApp
{
    public static string Code(string sharedKey, DateTimeOffset at) =>
        new Totp(Base32Encoding.ToBytes(sharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp(at.UtcDateTime);
}
