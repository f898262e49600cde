using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Identity.SignIn;

/// <summary>Identity's sign-in manager, with a way in for a password <see cref="ConsoleSignIn"/> has already checked.</summary>
internal sealed class ConsoleSignInManager(
    UserManager<AdminUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AdminUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AdminUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AdminUser> confirmation)
    : SignInManager<AdminUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>Signs in, or (two-factor users) remembers the user for the code page and answers RequiresTwoFactor.</summary>
    public Task<SignInResult> SignInCheckedAsync(AdminUser user, bool isPersistent) => SignInOrTwoFactorAsync(user, isPersistent);
}
