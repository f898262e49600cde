namespace FlexPay.Admin.Identity;

/// <summary>The sign-in rules, named once for Identity's options, the user form's validator and the docs.</summary>
public static class SignInRules
{
    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public const int MinPasswordLength = 12;

    /// <summary>How soon a changed role, a disabled account or a sign-out elsewhere reaches open sessions.</summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromMinutes(1);
}
