using Microsoft.AspNetCore.Authorization;

namespace FlexPay.Admin.Identity;

/// <summary>
/// What each role may do, in one place. Pages carry <c>[Authorize(Policy = ...)]</c>, services check the
/// same policy on the server before acting, and the navigation only hides what the policy would refuse.
/// </summary>
public static class Policies
{
    /// <summary>See dashboards, recoveries, refunds and gateways.</summary>
    public const string CanView = nameof(CanView);

    /// <summary>Refund recovered charges.</summary>
    public const string CanRefund = nameof(CanRefund);

    /// <summary>Cancel a recovery, resume a suspended one, decide about retries.</summary>
    public const string CanDecideRetries = nameof(CanDecideRetries);

    /// <summary>Read and export who did what (administrators, as the audit log holds every user's actions).</summary>
    public const string CanReadAuditLog = nameof(CanReadAuditLog);

    /// <summary>FlexPay API keys, gateways (MIDs) and their credentials, the certification run.</summary>
    public const string CanManageGateways = nameof(CanManageGateways);

    /// <summary>Create users, change their role, disable and enable them.</summary>
    public const string CanManageUsers = nameof(CanManageUsers);

    /// <summary>Settings, webhooks and the Hangfire job dashboard.</summary>
    public const string CanAdministerSystem = nameof(CanAdministerSystem);

    private static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [CanView] = [Roles.Admin, Roles.Finance, Roles.Viewer],
        [CanRefund] = [Roles.Admin, Roles.Finance],
        [CanDecideRetries] = [Roles.Admin, Roles.Finance],
        [CanReadAuditLog] = [Roles.Admin, Roles.Finance],
        [CanManageGateways] = [Roles.Admin],
        [CanManageUsers] = [Roles.Admin],
        [CanAdministerSystem] = [Roles.Admin],
    };

    public static IEnumerable<string> All => RolesByPolicy.Keys;

    /// <summary>The roles a policy admits.</summary>
    public static IReadOnlyList<string> RolesFor(string policy) => RolesByPolicy[policy];

    public static AuthorizationBuilder AddConsolePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var (policy, roles) in RolesByPolicy)
        {
            authorization.AddPolicy(policy, p => Require(p, roles));
        }
        return authorization;
    }

    /// <summary>The same policies for <see cref="AuthorizationOptions"/> (bUnit and other hosts without an <see cref="AuthorizationBuilder"/>).</summary>
    public static void AddConsolePolicies(this AuthorizationOptions options)
    {
        foreach (var (policy, roles) in RolesByPolicy)
        {
            options.AddPolicy(policy, p => Require(p, roles));
        }
    }

    /// <summary>The role, and no pending two-factor set-up: until that is done the user may do nothing.</summary>
    private static void Require(AuthorizationPolicyBuilder policy, string[] roles) =>
        policy.RequireAuthenticatedUser().RequireRole(roles)
            .RequireAssertion(context => !context.User.HasClaim(c => c.Type == ConsoleClaims.TwoFactorSetupRequired));
}
