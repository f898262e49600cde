namespace FlexPay.Core.Secrets;

/// <summary>What may be shown of a secret once saved: at most its last four characters, and nothing of a short one.</summary>
public static class SecretMask
{
    public static string Hint(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        // Never more than a quarter of the secret, so the hint cannot help guess a short one.
        var visible = Math.Min(4, secret.Length / 4);
        return "****" + secret[^visible..];
    }
}
