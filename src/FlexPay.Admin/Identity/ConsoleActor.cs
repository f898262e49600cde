using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace FlexPay.Admin.Identity;

/// <summary>A signed-in user a policy admitted: the id to compare with, the name to log and record.</summary>
public sealed record AllowedUser(string Id, string Name);

/// <summary>
/// The signed-in user of a circuit, checked against a policy on the server for each action, whatever
/// the screen shows or hides: <see cref="MayAsync"/> decides what to show (and guards reads),
/// <see cref="AllowedAsync"/> admits or refuses an action and names who took it.
/// </summary>
public sealed class ConsoleActor(AuthenticationStateProvider authentication, IAuthorizationService authorization, ILogger<ConsoleActor> logger)
{
    /// <summary>Whether <paramref name="policy"/> admits the user: for what a screen shows, and for reads.</summary>
    public async Task<bool> MayAsync(string policy) =>
        (await authorization.AuthorizeAsync(await UserAsync(), policy)).Succeeded;

    /// <summary>
    /// The user when <paramref name="policy"/> admits them to <paramref name="action"/> (words for the log,
    /// e.g. "refund a charge"); otherwise null, and the refusal is logged.
    /// </summary>
    public async Task<AllowedUser?> AllowedAsync(string policy, string action)
    {
        var user = await UserAsync();
        var name = SignedInName(user) ?? "anonymous";
        if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded)
        {
            IdentityLog.ActionRefused(logger, name, action, policy);
            return null;
        }
        return new AllowedUser(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", name);
    }

    /// <summary>How the console names a signed-in person in logs and the audit trail; null for no one.</summary>
    public static string? SignedInName(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true } identity ? identity.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    private async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;
}
