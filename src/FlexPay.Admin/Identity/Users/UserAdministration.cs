using FlexPay.Core.Audit;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Identity.Users;

/// <summary>
/// The Users screen's server side. Every call checks <see cref="Policies.CanManageUsers"/> for the signed-in
/// user itself, whatever the screen shows. Each change runs in a scope of its own, so a grid reload and a
/// click in the same circuit never share a DbContext.
/// </summary>
public sealed class UserAdministration(
    ConsoleActor actor,
    IServiceScopeFactory scopes,
    IDbContextFactory<AdminIdentityDbContext> dbFactory,
    IValidator<NewUser> validator,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<UserAdministration> logger)
{
    private const string NotAllowed = "Only an administrator can manage users.";

    public async Task<UserPage> ListAsync(UserQuery query, CancellationToken ct = default)
    {
        if (await actor.AllowedAsync(Policies.CanManageUsers, "list users") is null)
        {
            return new UserPage([], 0);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = Matching(db, query);
        var total = await users.CountAsync(ct);
        var page = await users.Skip(query.Page * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new UserPage([.. page.Select(u => u.ToRow(now))], total);
    }

    /// <summary>The users <paramref name="query"/> lists, in its order (its page left to the caller): the grid and its CSV export read the same.</summary>
    internal static IQueryable<UserLine> Matching(AdminIdentityDbContext db, UserQuery query)
    {
        var users = db.Users.AsNoTracking().Select(u => new UserLine
        {
            Id = u.Id,
            Email = u.Email,
            NormalizedEmail = u.NormalizedEmail,
            LockoutEnd = u.LockoutEnd,
            CreatedAt = u.CreatedAt,
            Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
        });
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(search));
        }
        return (query.SortBy, query.Descending) switch
        {
            (nameof(UserRow.Role), false) => users.OrderBy(u => u.Role).ThenBy(u => u.NormalizedEmail),
            (nameof(UserRow.Role), true) => users.OrderByDescending(u => u.Role).ThenBy(u => u.NormalizedEmail),
            (nameof(UserRow.CreatedAt), false) => users.OrderBy(u => u.CreatedAt),
            (nameof(UserRow.CreatedAt), true) => users.OrderByDescending(u => u.CreatedAt),
            (_, true) => users.OrderByDescending(u => u.NormalizedEmail),
            _ => users.OrderBy(u => u.NormalizedEmail),
        };
    }

    public async Task<UserChangeResult> CreateAsync(NewUser input, CancellationToken ct = default)
    {
        var acting = await actor.AllowedAsync(Policies.CanManageUsers, "create a user");
        if (acting is null)
        {
            return UserChangeResult.Refused(NotAllowed);
        }
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return UserChangeResult.Refused(string.Join(" ", validation.Errors.Select(e => e.ErrorMessage)));
        }
        var email = input.Email.Trim();
        return await InScopeAsync("create a user", async services =>
        {
            var accounts = services.GetRequiredService<AdminAccounts>();
            if (await accounts.FindAsync(email) is not null)
            {
                return UserChangeResult.Refused($"{email} already has an account.");
            }
            var result = await accounts.CreateAsync(email, input.Password, input.Role);
            if (!result.Succeeded)
            {
                await audit.RecordAsync("user.create", $"user {email}", AuditOutcome.Refused, AdminAccounts.Describe(result), ct);
                return UserChangeResult.Refused(AdminAccounts.Describe(result));
            }
            IdentityLog.UserChanged(logger, acting.Name, "created", email);
            await audit.RecordAsync("user.create", $"user {email}", AuditOutcome.Succeeded, $"role {input.Role}", ct);
            return UserChangeResult.Done($"{email} can now sign in as {input.Role}.");
        });
    }

    public Task<UserChangeResult> ChangeRoleAsync(string userId, string role) =>
        ChangeAsync(userId, $"make {role}", "You cannot change your own role; ask another administrator.", async (users, user) =>
        {
            if (!Roles.IsRole(role))
            {
                return UserChangeResult.Refused($"'{role}' is not a role.");
            }
            var current = await users.GetRolesAsync(user);
            if (current.SequenceEqual([role]))
            {
                return UserChangeResult.Done($"{user.Email} is already {role}.");
            }
            var removed = await users.RemoveFromRolesAsync(user, current);
            var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
            if (!added.Succeeded)
            {
                return UserChangeResult.Refused(AdminAccounts.Describe(added));
            }
            // A new stamp ends the user's open sessions, so the old role's rights do not linger.
            await users.UpdateSecurityStampAsync(user);
            return UserChangeResult.Done($"{user.Email} is now {role}.");
        });

    public Task<UserChangeResult> DisableAsync(string userId) =>
        ChangeAsync(userId, "disable", "You cannot disable your own account.", async (users, user) =>
        {
            await users.SetLockoutEnabledAsync(user, true);
            var locked = await users.SetLockoutEndDateAsync(user, AdminUser.DisabledUntil);
            if (!locked.Succeeded)
            {
                return UserChangeResult.Refused(AdminAccounts.Describe(locked));
            }
            await users.UpdateSecurityStampAsync(user);
            return UserChangeResult.Done($"{user.Email} is disabled and signed out.");
        });

    /// <summary>Turns a disabled account on again, and also lifts a lockout after failed sign-ins.</summary>
    public Task<UserChangeResult> EnableAsync(string userId) =>
        ChangeAsync(userId, "enable", "Your own account is already enabled.", async (users, user) =>
        {
            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            if (!unlocked.Succeeded)
            {
                return UserChangeResult.Refused(AdminAccounts.Describe(unlocked));
            }
            await users.ResetAccessFailedCountAsync(user);
            return UserChangeResult.Done($"{user.Email} can sign in again.");
        });

    internal static UserStatus StatusOf(DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        lockoutEnd == AdminUser.DisabledUntil ? UserStatus.Disabled
        : lockoutEnd > now ? UserStatus.LockedOut
        : UserStatus.Active;

    private async Task<UserChangeResult> ChangeAsync(
        string userId, string action, string refusedForSelf, Func<UserManager<AdminUser>, AdminUser, Task<UserChangeResult>> change)
    {
        var acting = await actor.AllowedAsync(Policies.CanManageUsers, action);
        if (acting is null)
        {
            return UserChangeResult.Refused(NotAllowed);
        }
        if (acting.Id == userId)
        {
            // Also keeps at least one administrator: the one acting stays one.
            return UserChangeResult.Refused(refusedForSelf);
        }
        return await InScopeAsync(action, async services =>
        {
            var users = services.GetRequiredService<UserManager<AdminUser>>();
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return UserChangeResult.Refused("This user no longer exists; reload the list.");
            }
            var result = await change(users, user);
            if (result.Succeeded)
            {
                IdentityLog.UserChanged(logger, acting.Name, action, userId);
            }
            await audit.RecordAsync("user.change", $"user {user.Email}", result.Succeeded ? AuditOutcome.Succeeded : AuditOutcome.Refused, $"{action}: {result.Message}");
            return result;
        });
    }

    private async Task<UserChangeResult> InScopeAsync(string action, Func<IServiceProvider, Task<UserChangeResult>> work)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await work(scope.ServiceProvider);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            IdentityLog.UserAdministrationFailed(logger, ex, action);
            return UserChangeResult.Refused("The change could not be saved. Reload the list and try again.");
        }
    }
}
