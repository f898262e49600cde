using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace FlexPay.Core.Secrets;

public static class SecretReading
{
    /// <summary>
    /// Decrypts <paramref name="protectedText"/>, or says it cannot: Data Protection throws a
    /// <see cref="CryptographicException"/> when the key that encrypted it is not in the key ring.
    /// </summary>
    public static bool TryUnprotect(this ISecretProtector protector, string protectedText, [NotNullWhen(true)] out string? plaintext)
    {
        try
        {
            plaintext = protector.Unprotect(protectedText);
            return true;
        }
        catch (CryptographicException)
        {
            plaintext = null;
            return false;
        }
    }
}
