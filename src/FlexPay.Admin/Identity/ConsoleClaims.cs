namespace FlexPay.Admin.Identity;

/// <summary>The console's own claims in the sign-in cookie.</summary>
public static class ConsoleClaims
{
    /// <summary>The server-side session the cookie belongs to (<see cref="Sessions.ConsoleSessions"/>): signing out ends it for every copy of the cookie.</summary>
    public const string SessionId = "flexpay:session";

    /// <summary>The user's role requires an authenticator app they have not set up yet: nothing opens but the set-up.</summary>
    public const string TwoFactorSetupRequired = "flexpay:two-factor-setup-required";
}
