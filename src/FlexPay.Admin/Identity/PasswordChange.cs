using System.Security.Claims;
using FlexPay.Core.Audit;
using Microsoft.AspNetCore.Identity;

namespace FlexPay.Admin.Identity;

public enum PasswordChangeOutcome
{
    Changed,
    NotSignedIn,
    WrongCurrentPassword,
    LockedOut,
    ConfirmationDiffers,
    SameAsCurrent,
    RulesNotMet,
}

/// <summary>What became of a password change; <see cref="Errors"/> says why it was refused, in the form's words.</summary>
public sealed record PasswordChangeResult(PasswordChangeOutcome Outcome, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Outcome == PasswordChangeOutcome.Changed;

    public static PasswordChangeResult Refused(PasswordChangeOutcome outcome, params string[] errors) => new(outcome, errors);
}

/// <summary>
/// A signed-in user changes their own password. The current password is checked like a sign-in (wrong ones
/// count towards the lockout, so a session left open cannot be used to guess it); Identity's password rules
/// apply to the new one. The change renews the user's security stamp: every other session of the user ends
/// within <see cref="SignInRules.RevalidationInterval"/>, and this browser gets a fresh cookie so it stays
/// signed in. Recorded in the audit log, never with a password.
/// </summary>
internal sealed class PasswordChange(
    UserManager<AdminUser> users,
    SignInManager<AdminUser> signIn,
    AuditTrail audit,
    ILogger<PasswordChange> logger)
{
    private const string Action = "password.change";

    public async Task<PasswordChangeResult> ChangeAsync(ClaimsPrincipal principal, string currentPassword, string newPassword, string confirmPassword)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return PasswordChangeResult.Refused(PasswordChangeOutcome.NotSignedIn, "You are no longer signed in; sign in again.");
        }
        if (newPassword != confirmPassword)
        {
            return PasswordChangeResult.Refused(PasswordChangeOutcome.ConfirmationDiffers, "The new password and its confirmation differ.");
        }
        var email = user.Email ?? user.UserName ?? user.Id;
        var target = $"user {email}";

        var check = await signIn.CheckPasswordSignInAsync(user, currentPassword, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            var locked = check.IsLockedOut;
            IdentityLog.PasswordChangeRefused(logger, email, locked ? "locked out" : "wrong current password");
            await audit.RecordAsync(Action, target, AuditOutcome.Refused, locked ? "account locked after wrong passwords" : "wrong current password");
            return locked
                ? PasswordChangeResult.Refused(PasswordChangeOutcome.LockedOut,
                    $"After {SignInRules.MaxFailedSignIns} wrong passwords the account is locked for {SignInRules.LockoutDuration.TotalMinutes:0} minutes.")
                : PasswordChangeResult.Refused(PasswordChangeOutcome.WrongCurrentPassword, "The current password is not right.");
        }
        if (newPassword == currentPassword)
        {
            return PasswordChangeResult.Refused(PasswordChangeOutcome.SameAsCurrent, "Choose a new password that differs from the current one.");
        }

        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            var errors = changed.Errors.Select(e => e.Description).ToArray();
            IdentityLog.PasswordChangeRefused(logger, email, "password rules not met");
            await audit.RecordAsync(Action, target, AuditOutcome.Refused, "the new password does not meet the rules");
            return PasswordChangeResult.Refused(PasswordChangeOutcome.RulesNotMet, errors);
        }

        // ChangePasswordAsync renewed the security stamp; a fresh cookie carries it, so only the other sessions end.
        await signIn.RefreshSignInAsync(user);
        IdentityLog.PasswordChanged(logger, email);
        await audit.RecordAsync(Action, target, AuditOutcome.Succeeded, "other sessions end within a minute");
        return new PasswordChangeResult(PasswordChangeOutcome.Changed, []);
    }
}
