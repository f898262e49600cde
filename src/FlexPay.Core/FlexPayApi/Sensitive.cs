namespace FlexPay.Core.FlexPayApi;

/// <summary>Masking for values that must never be printed whole (keys, card numbers, credentials).</summary>
internal static class Sensitive
{
    /// <summary>
    /// <c>****</c> plus at most <paramref name="visibleSuffix"/> trailing characters; short values show
    /// nothing, so the visible part is never a large share of the secret.
    /// </summary>
    public static string Mask(string? value, int visibleSuffix)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "****";
        }

        var visible = Math.Min(visibleSuffix, value.Length / 4);
        return "****" + value[^visible..];
    }
}
