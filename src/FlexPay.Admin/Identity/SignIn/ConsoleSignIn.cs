using FlexPay.Core.Audit;
using Microsoft.AspNetCore.Identity;

namespace FlexPay.Admin.Identity.SignIn;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>The password was right; the authenticator code comes next.</summary>
    RequiresTwoFactor,

    /// <summary>Wrong email or password: the same answer whether or not the account exists.</summary>
    Refused,

    /// <summary>Too many wrong passwords for this email from this address.</summary>
    Throttled,

    /// <summary>The password was right, but the account is disabled or locked.</summary>
    LockedOut,
}

public sealed record SignInAnswer(SignInOutcome Outcome, string? Error = null);

/// <summary>
/// The password step of signing in. An email without an account answers as a wrong password does and in the same
/// time (one password hash is checked either way); wrong passwords count per address and email
/// (<see cref="SignInFailures"/>), never towards a lockout of the account itself; whether an account is disabled is
/// told only to whoever typed its password. Every attempt goes to the audit log.
/// </summary>
internal sealed class ConsoleSignIn(
    UserManager<AdminUser> users,
    ConsoleSignInManager signIn,
    IPasswordHasher<AdminUser> hasher,
    DecoyPassword decoy,
    SignInFailures failures,
    AuditTrail audit,
    ILogger<ConsoleSignIn> logger)
{
    public const string WrongEmailOrPassword = "The email or the password is not right.";

    public static readonly string TooManyFailures =
        $"Too many wrong passwords for this email from your network: wait {SignInRules.LockoutDuration.TotalMinutes:0} minutes, then try again.";

    public async Task<SignInAnswer> SignInAsync(string email, string password, bool rememberMe, string address)
    {
        email = email.Trim();
        if (failures.IsLockedOut(address, email))
        {
            IdentityLog.SignInThrottled(logger, email, address);
            await RecordAsync(email, AuditOutcome.Refused, "too many wrong passwords from " + address);
            return new SignInAnswer(SignInOutcome.Throttled, TooManyFailures);
        }
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            decoy.Check(hasher, password);
        }
        if (user is null || !await users.CheckPasswordAsync(user, password))
        {
            var nowLocked = failures.Record(address, email);
            IdentityLog.SignInFailed(logger, email, address);
            await RecordAsync(email, AuditOutcome.Refused, "wrong email or password");
            return nowLocked ? new SignInAnswer(SignInOutcome.Throttled, TooManyFailures) : new SignInAnswer(SignInOutcome.Refused, WrongEmailOrPassword);
        }
        failures.Clear(address, email);
        if (user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            IdentityLog.LockedOut(logger, email);
            await RecordAsync(email, AuditOutcome.Refused, user.IsDisabled ? "account disabled" : "account locked");
            return new SignInAnswer(SignInOutcome.LockedOut, user.IsDisabled
                ? "This account is disabled; ask an administrator to enable it."
                : $"This account is locked after too many wrong codes or current passwords; it opens again within {SignInRules.LockoutDuration.TotalMinutes:0} minutes.");
        }
        var result = await signIn.SignInCheckedAsync(user, rememberMe);
        if (result.RequiresTwoFactor)
        {
            return new SignInAnswer(SignInOutcome.RequiresTwoFactor);
        }
        IdentityLog.SignedIn(logger, email);
        await RecordAsync(email, AuditOutcome.Succeeded, null);
        return new SignInAnswer(SignInOutcome.SignedIn);
    }

    /// <summary>The second step: a code from the authenticator app, or one of the recovery codes.</summary>
    public async Task<SignInAnswer> SecondFactorAsync(string code, bool rememberMe, bool isRecoveryCode)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return new SignInAnswer(SignInOutcome.Refused, "The sign-in took too long; start again with your email and password.");
        }
        var email = user.Email ?? user.Id;
        var normalized = new string([.. code.Where(c => !char.IsWhiteSpace(c) && c != '-')]);
        var result = isRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code.Trim())
            : await signIn.TwoFactorAuthenticatorSignInAsync(normalized, rememberMe, rememberClient: false);
        var how = isRecoveryCode ? "recovery code" : "authenticator code";
        if (result.Succeeded)
        {
            IdentityLog.SignedIn(logger, email);
            await RecordAsync(email, AuditOutcome.Succeeded, isRecoveryCode ? $"with a recovery code ({await users.CountRecoveryCodesAsync(user)} left)" : "with an authenticator code");
            return new SignInAnswer(SignInOutcome.SignedIn);
        }
        await RecordAsync(email, AuditOutcome.Refused, result.IsLockedOut ? $"account locked after wrong {how}s" : $"wrong {how}");
        return result.IsLockedOut
            ? new SignInAnswer(SignInOutcome.LockedOut, $"After {SignInRules.MaxFailedSignIns} wrong codes the account is locked for {SignInRules.LockoutDuration.TotalMinutes:0} minutes.")
            : new SignInAnswer(SignInOutcome.Refused, isRecoveryCode ? "That recovery code is not right, or was used already." : "The code is not right; type the one your app shows now.");
    }

    private Task RecordAsync(string email, AuditOutcome outcome, string? detail) =>
        audit.RecordAsAsync(email, "sign-in", $"user {email}", outcome, detail);
}
