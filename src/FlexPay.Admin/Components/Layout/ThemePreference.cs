namespace FlexPay.Admin.Components.Layout;

/// <summary>
/// Light or dark, remembered per browser in a cookie the server reads before the first paint (so a
/// dark-mode user never sees a white flash). Without the cookie the browser's own preference decides.
/// </summary>
public static class ThemePreference
{
    public const string CookieName = "flexpay-theme";

    /// <summary>true for dark, false for light, null when the browser has not chosen yet.</summary>
    public static bool? Read(HttpContext? context) => context?.Request.Cookies[CookieName] switch
    {
        "dark" => true,
        "light" => false,
        _ => null,
    };

    public static string ValueFor(bool dark) => dark ? "dark" : "light";
}
