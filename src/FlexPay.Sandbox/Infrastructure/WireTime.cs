using System.Globalization;

namespace FlexPay.Sandbox.Infrastructure;

/// <summary>FlexPay's date format: UTC with <c>Z</c> and up to 7 fractional digits (flexpay-api.md §2.1.5).</summary>
internal static class WireTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>The 2022 sandbox quirk: the same instant, but no offset at all.</summary>
    public static string FormatOffsetless(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>Accepts dates with or without an offset (missing means UTC), and bare dates such as 2023-11-8.</summary>
    public static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);
}
