using FlexPay.Admin.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Identity;

/// <summary>
/// Before the app serves anything (once <see cref="ConsoleDatabase"/> has migrated the database): makes sure the
/// roles exist, and in Development only seeds the administrator named in the Bootstrap settings.
/// </summary>
internal sealed class IdentityStartup(
    IServiceScopeFactory scopes,
    IOptions<BootstrapOptions> bootstrap,
    IHostEnvironment environment,
    ILogger<IdentityStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
        await accounts.EnsureRolesAsync();
        var users = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AdminIdentityDbContext>>();

        var email = bootstrap.Value.AdminEmail;
        if (!string.IsNullOrWhiteSpace(email) && !environment.IsDevelopment())
        {
            IdentityLog.BootstrapIgnored(logger);
        }
        else if (!string.IsNullOrWhiteSpace(email) && !string.IsNullOrEmpty(bootstrap.Value.AdminPassword) && await accounts.FindAsync(email) is null)
        {
            var result = await accounts.CreateAsync(email, bootstrap.Value.AdminPassword, Roles.Admin);
            if (result.Succeeded)
            {
                IdentityLog.DevelopmentAdminSeeded(logger, email);
            }
            else
            {
                IdentityLog.DevelopmentAdminRefused(logger, email, AdminAccounts.Describe(result));
            }
        }

        await using var db = await users.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(cancellationToken))
        {
            IdentityLog.NoUsersYet(logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// What <c>create-admin</c> needs before it can add anyone, without the hosted services: the database migrated (both
    /// contexts, as at start-up) and the roles created.
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        await ConsoleDatabase.MigrateAsync(services, ct);
        await services.GetRequiredService<AdminAccounts>().EnsureRolesAsync();
    }
}
