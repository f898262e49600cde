using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace FlexPay.Admin.Identity.Sessions;

/// <summary>
/// Ties the sign-in cookie to a <see cref="ConsoleSessions"/> entry: signing in starts one (its id goes into the cookie),
/// every request checks it is still there before Identity checks the security stamp, and signing out removes it.
/// </summary>
internal sealed class SessionCookieEvents(ConsoleSessions sessions) : CookieAuthenticationEvents
{
    public override async Task SigningIn(CookieSigningInContext context)
    {
        // A fresh cookie for the same browser (after a password change) replaces its old session.
        await sessions.EndAsync(context.HttpContext.User.FindFirstValue(ConsoleClaims.SessionId));
        if (context.Principal?.Identity is ClaimsIdentity identity && context.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            identity.AddClaim(new Claim(ConsoleClaims.SessionId, await sessions.StartAsync(userId)));
        }
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (!await sessions.IsAliveAsync(context.Principal?.FindFirstValue(ConsoleClaims.SessionId)))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public override Task SigningOut(CookieSigningOutContext context) =>
        sessions.EndAsync(context.HttpContext.User.FindFirstValue(ConsoleClaims.SessionId));

    /// <summary>A signed-in user without the role gets a real 403 (rendered by the status page), not a redirect.</summary>
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
