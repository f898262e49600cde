namespace FlexPay.Admin.Identity;

/// <summary>
/// The first administrator, seeded at start-up in Development only (appsettings.Development.json). In
/// Production no account exists until someone runs <c>create-admin</c> (see README).
/// </summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}
