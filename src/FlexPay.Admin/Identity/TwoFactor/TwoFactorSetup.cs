using FlexPay.Admin.Identity.SignIn;
using FlexPay.Core.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;

namespace FlexPay.Admin.Identity.TwoFactor;

/// <summary>What the set-up page shows: the shared key to type, and the same as a QR code for the app to scan.</summary>
public sealed record AuthenticatorKey(string SharedKey, string QrCodePngDataUri);

public sealed record TwoFactorChange(bool Succeeded, string? Error, IReadOnlyList<string> RecoveryCodes)
{
    public static TwoFactorChange Refused(string error) => new(false, error, []);
}

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, Identity's own authenticator token provider) and
/// <see cref="RecoveryCodeCount"/> single-use recovery codes. Each change renews the user's security stamp (other
/// sessions end within a minute) and this browser's cookie, and goes to the audit log.
/// </summary>
internal sealed class TwoFactorSetup(
    UserManager<AdminUser> users,
    IServiceScopeFactory scopes,
    ConsoleSignInManager signIn,
    IOptions<ConsoleSecurityOptions> security,
    IHostEnvironment environment,
    AuditTrail audit,
    ILogger<TwoFactorSetup> logger)
{
    public const int RecoveryCodeCount = 10;
    public const string Issuer = "FlexPay Recovery Console";

    /// <summary>The user's authenticator key, made on first use; it only counts once a code from it was confirmed.</summary>
    public async Task<AuthenticatorKey> KeyAsync(AdminUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await CreateKeyAsync(user.Id);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        var account = Uri.EscapeDataString(user.Email ?? user.Id);
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{account}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(qr).GetGraphic(pixelsPerModule: 5);
        return new AuthenticatorKey(Grouped(key), "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Whether the user's role lets them turn two-factor sign-in off again.</summary>
    public async Task<bool> IsRequiredAsync(AdminUser user)
    {
        var required = security.Value.RolesRequiringTwoFactor(environment);
        return (await users.GetRolesAsync(user)).Any(required.Contains);
    }

    /// <summary>Turns two-factor sign-in on once <paramref name="code"/> proves the app holds the key; returns the recovery codes.</summary>
    public async Task<TwoFactorChange> EnableAsync(AdminUser user, string code)
    {
        var typed = new string([.. code.Where(char.IsDigit)]);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed))
        {
            await RecordAsync(user, "two-factor.enable", AuditOutcome.Refused, "wrong code from the authenticator app");
            return TwoFactorChange.Refused("The code is not right. Type the six digits your app shows now for the FlexPay Recovery Console.");
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await signIn.RefreshSignInAsync(user);
        await RecordAsync(user, "two-factor.enable", AuditOutcome.Succeeded, $"authenticator app set up, {RecoveryCodeCount} recovery codes issued");
        return new TwoFactorChange(true, null, [.. codes]);
    }

    /// <summary>New recovery codes; the old ones stop working.</summary>
    public async Task<TwoFactorChange> NewRecoveryCodesAsync(AdminUser user)
    {
        if (!user.TwoFactorEnabled)
        {
            return TwoFactorChange.Refused("Set up the authenticator app first.");
        }
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await RecordAsync(user, "two-factor.recovery-codes", AuditOutcome.Succeeded, $"{RecoveryCodeCount} new recovery codes; the old ones no longer work");
        return new TwoFactorChange(true, null, [.. codes]);
    }

    /// <summary>Turns it off and forgets the key (refused when the user's role requires it).</summary>
    public async Task<TwoFactorChange> DisableAsync(AdminUser user)
    {
        if (await IsRequiredAsync(user))
        {
            await RecordAsync(user, "two-factor.disable", AuditOutcome.Refused, "required for the user's role");
            return TwoFactorChange.Refused("Your role requires two-factor sign-in; it cannot be turned off.");
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await RecordAsync(user, "two-factor.disable", AuditOutcome.Succeeded, "authenticator app removed");
        return new TwoFactorChange(true, null, []);
    }

    private async Task RecordAsync(AdminUser user, string action, AuditOutcome outcome, string detail)
    {
        var email = user.Email ?? user.Id;
        if (outcome == AuditOutcome.Succeeded)
        {
            IdentityLog.TwoFactorChanged(logger, email, action);
        }
        await audit.RecordAsAsync(email, action, $"user {email}", outcome, detail);
    }

    /// <summary>
    /// Stores a new key, in a scope of its own: two requests for the page at once (a double click) may both try, and
    /// the one that loses must not leave this request's context half-written. Unlike Identity's
    /// <c>ResetAuthenticatorKeyAsync</c> it keeps the security stamp: a key not yet confirmed must not end the
    /// sessions of the person reading it (confirming it does, in <see cref="EnableAsync"/>).
    /// </summary>
    private async Task CreateKeyAsync(string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        var store = (IUserAuthenticatorKeyStore<AdminUser>)scope.ServiceProvider.GetRequiredService<IUserStore<AdminUser>>();
        if (await own.FindByIdAsync(userId) is not { } user || !string.IsNullOrEmpty(await own.GetAuthenticatorKeyAsync(user)))
        {
            return;
        }
        await store.SetAuthenticatorKeyAsync(user, own.GenerateNewAuthenticatorKey(), CancellationToken.None);
        try
        {
            await own.UpdateAsync(user);
        }
        catch (DbUpdateException)
        {
            // The simultaneous request stored its key first; that one stands.
        }
    }

    /// <summary>Groups of four, as authenticator apps show keys, so it can be typed.</summary>
    private static string Grouped(string key) => string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}
