namespace FlexPay.Admin.Identity;

/// <summary>Sessions, sign-in throttling and two-factor rules, section <c>Security</c>.</summary>
public sealed class ConsoleSecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>A session nobody used for this long ends (page loads and clicks in an open page both count as use).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after its sign-in, however busy.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Roles whose users must sign in with an authenticator app, comma-separated (<c>Admin,Finance</c>); their next
    /// sign-in leads to the set-up. Unset: <c>Admin,Finance</c> outside Development, none in Development. Empty: none.
    /// </summary>
    public string? RequireTwoFactorFor { get; set; }

    /// <summary>Posts one client address may make per minute to the sign-in, two-factor and password forms (then 429).</summary>
    public int FormPostsPerMinute { get; set; } = 10;

    public IReadOnlyList<string> RolesRequiringTwoFactor(IHostEnvironment environment) =>
        (RequireTwoFactorFor ?? (environment.IsDevelopment() ? "" : $"{Roles.Admin},{Roles.Finance}"))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
