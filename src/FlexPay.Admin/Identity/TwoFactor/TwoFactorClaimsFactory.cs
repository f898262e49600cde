using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Identity.TwoFactor;

/// <summary>
/// Identity's claims, plus <see cref="ConsoleClaims.TwoFactorSetupRequired"/> for a user whose role
/// <see cref="ConsoleSecurityOptions.RequireTwoFactorFor"/> names and who has no authenticator yet. The principal is
/// made again at each sign-in and each security-stamp check, so the claim comes and goes with the set-up.
/// </summary>
internal sealed class TwoFactorClaimsFactory(
    UserManager<AdminUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> identity,
    IOptions<ConsoleSecurityOptions> security,
    IHostEnvironment environment)
    : UserClaimsPrincipalFactory<AdminUser, IdentityRole>(users, roles, identity)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AdminUser user)
    {
        var claims = await base.GenerateClaimsAsync(user);
        if (!user.TwoFactorEnabled && security.Value.RolesRequiringTwoFactor(environment).Any(role => claims.HasClaim(claims.RoleClaimType, role)))
        {
            claims.AddClaim(new Claim(ConsoleClaims.TwoFactorSetupRequired, "true"));
        }
        return claims;
    }
}
