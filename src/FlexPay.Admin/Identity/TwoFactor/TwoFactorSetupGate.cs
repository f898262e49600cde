using Microsoft.AspNetCore.Authorization;

namespace FlexPay.Admin.Identity.TwoFactor;

/// <summary>
/// A user who must set up an authenticator reaches nothing that needs a sign-in but the set-up page and sign-out:
/// page requests are sent to the set-up, anything else gets 403. (The policies refuse them too.)
/// </summary>
internal static class TwoFactorSetupGate
{
    public static WebApplication UseTwoFactorSetupGate(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (!context.User.HasClaim(c => c.Type == ConsoleClaims.TwoFactorSetupRequired)
                || context.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is null
                || context.Request.Path.StartsWithSegments(IdentityRegistration.TwoFactorPath)
                || context.Request.Path.StartsWithSegments(IdentityRegistration.LogoutPath))
            {
                return next(context);
            }
            if (HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.Redirect(IdentityRegistration.TwoFactorPath);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }
            return Task.CompletedTask;
        });
        return app;
    }
}
