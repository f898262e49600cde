namespace FlexPay.Core.Recovery;

/// <summary>
/// Turns what someone typed into a LIKE prefix pattern: its own <c>%</c>, <c>_</c> and escape characters matched literally,
/// so "INV_1" finds "INV_1…" and not "INV-1…". SQLite's LIKE ignores ASCII letter case and, with a NOCASE index on the
/// column, reads only the matching range of it (docs/decisions/012).
/// </summary>
public static class SearchPrefix
{
    public const string Escape = "\\";

    public static string Like(string typed) =>
        typed.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";
}
