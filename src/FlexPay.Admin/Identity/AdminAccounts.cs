using Microsoft.AspNetCore.Identity;

namespace FlexPay.Admin.Identity;

/// <summary>Creating accounts and the roles they need: shared by the start-up seed, <c>create-admin</c> and the Users screen.</summary>
internal sealed class AdminAccounts(UserManager<AdminUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Require(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    public Task<AdminUser?> FindAsync(string email) => users.FindByEmailAsync(email);

    /// <summary>Creates a user that can sign in at once with <paramref name="password"/>; Identity's password and email rules apply.</summary>
    public async Task<IdentityResult> CreateAsync(string email, string password, string role)
    {
        if (!Roles.IsRole(role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownRole", Description = $"'{role}' is not a role." });
        }
        var user = new AdminUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
        }
        return added;
    }

    public static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(Describe(result));
        }
    }
}
