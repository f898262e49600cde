using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace FlexPay.Admin.Identity;

/// <summary>
/// The signed-in user of a circuit, checked against a policy on the server for each action, whatever
/// the screen shows or hides.
/// </summary>
public sealed class ConsoleActor(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    /// <summary>The user when <paramref name="policy"/> admits them; otherwise null.</summary>
    public async Task<ClaimsPrincipal?> AllowedAsync(string policy)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded ? user : null;
    }

    public async Task<bool> MayAsync(string policy) => await AllowedAsync(policy) is not null;
}
