using System.Security.Claims;
using FlexPay.Admin.Identity.Sessions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Identity;

/// <summary>
/// A Blazor circuit keeps the principal it started with. Every <see cref="SignInRules.RevalidationInterval"/> this
/// checks that the user still exists, is not disabled, still has the security stamp of their cookie (a role change
/// or a disable changes it), and that their session still stands (not signed out, not idle since the last click in
/// this page, not past its lifetime); it signs the circuit out otherwise.
/// </summary>
internal sealed class RevalidatingIdentityAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    ConsoleSessions sessions,
    CircuitActivity activity,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => SignInRules.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        if (!await sessions.IsAliveAsync(principal.FindFirstValue(ConsoleClaims.SessionId), activity.LastActivity, cancellationToken))
        {
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        return await IsStillValidAsync(users, principal);
    }

    private async Task<bool> IsStillValidAsync(UserManager<AdminUser> users, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }
        var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}
