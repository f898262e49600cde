namespace FlexPay.Core.Recovery;

/// <summary>
/// Turns what someone typed into a LIKE prefix pattern: its own <c>%</c>, <c>_</c> and escape characters matched literally,
/// so "INV_1" finds "INV_1…" and not "INV-1…". SQLite's LIKE ignores ASCII letter case and, with a NOCASE index on the
/// column, reads only the matching range of it (docs/decisions/012). PostgreSQL's LIKE heeds case, so there both sides
/// are folded (<see cref="Folded"/>) and read from a lower() index (docs/decisions/014).
/// </summary>
public static class SearchPrefix
{
    public const string Escape = "\\";

    /// <summary>
    /// Letter case folded as the provider's search indexes fold it: nothing on SQLite (its LIKE and NOCASE indexes ignore
    /// ASCII case already), <c>lower()</c> on PostgreSQL. Mapped to SQL by <c>FlexPayDbContext</c>; only a query can call it.
    /// </summary>
    public static string? Folded(string? value) =>
        throw new InvalidOperationException($"{nameof(SearchPrefix)}.{nameof(Folded)} is translated to SQL; use it in a query only (had '{value}').");

    public static string Like(string typed) =>
        typed.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";
}
