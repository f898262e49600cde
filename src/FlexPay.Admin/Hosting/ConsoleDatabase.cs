using FlexPay.Admin.Identity;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Hosting;

/// <summary>
/// The console's two contexts (recovery and Identity) migrated together, before any other start-up work: on PostgreSQL under
/// one advisory lock (<see cref="DatabaseMigrator"/>), so nodes starting at once migrate one at a time, and before the key ring
/// is first read, since there it is a table of the Identity context.
/// </summary>
internal static class ConsoleDatabase
{
    /// <summary>Registers the migration at start-up; call it before anything that adds a hosted service which reads the database.</summary>
    public static IHostApplicationBuilder AddConsoleDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<DatabaseStartup>();
        return builder;
    }

    public static Task MigrateAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DatabaseMigrator>().MigrateAsync([async next =>
        {
            await using var users = await services.GetRequiredService<IDbContextFactory<AdminIdentityDbContext>>().CreateDbContextAsync(next);
            await users.Database.MigrateAsync(next);
        }], ct);

    /// <summary>Runs the migrations before the app serves anything (hosted services start in the order they were added).</summary>
    private sealed class DatabaseStartup(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => MigrateAsync(services, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
