namespace FlexPay.Admin.Identity.SignIn;

/// <summary>Where a sign-in goes next.</summary>
public static class ReturnUrls
{
    /// <summary>Only a path on this site: an absolute or protocol-relative return URL would be an open redirect.</summary>
    public static string Local(string? returnUrl) =>
        returnUrl is ['/', not '/' and not '\\', ..] or "/" ? returnUrl : "/";

    /// <summary>The code page, carrying the destination and the "keep me signed in" choice.</summary>
    public static string SecondFactor(string? returnUrl, bool rememberMe, bool recoveryCode = false) =>
        $"{IdentityRegistration.SecondFactorPath}?ReturnUrl={Uri.EscapeDataString(Local(returnUrl))}&RememberMe={rememberMe}"
        + (recoveryCode ? "&RecoveryCode=true" : "");
}
