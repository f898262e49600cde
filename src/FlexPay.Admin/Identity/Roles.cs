namespace FlexPay.Admin.Identity;

/// <summary>
/// The console's three roles, one per user. They nest: an Admin can do what Finance can, and Finance
/// what a Viewer can, so a small team can run the console with one or two people.
/// </summary>
public static class Roles
{
    /// <summary>FlexPay keys, gateway credentials, users, settings and the job dashboard (and all Finance can do).</summary>
    public const string Admin = "Admin";

    /// <summary>Refunds, cancelling recoveries and retry decisions (and all a Viewer can do).</summary>
    public const string Finance = "Finance";

    /// <summary>Reads everything, changes nothing.</summary>
    public const string Viewer = "Viewer";

    /// <summary>Most powerful first.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Finance, Viewer];

    public static bool IsRole(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);

    public static string Describe(string role) => role switch
    {
        Admin => "FlexPay keys, gateways, users and settings, plus everything Finance can do",
        Finance => "Refunds, cancellations and retry decisions, plus read access",
        Viewer => "Read only",
        _ => role,
    };
}
