using FlexPay.Admin.Identity;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FlexPay.Admin.Health;

/// <summary>
/// Both contexts' migrations are applied: a node of an older build beside a migrated database, or one that has not finished
/// migrating, is not ready. <c>pending</c> counts what is missing.
/// </summary>
internal sealed class MigrationsCheck(IDbContextFactory<FlexPayDbContext> records, IDbContextFactory<AdminIdentityDbContext> users) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var recordsDb = await records.CreateDbContextAsync(cancellationToken);
        await using var usersDb = await users.CreateDbContextAsync(cancellationToken);
        var pending = (await recordsDb.Database.GetPendingMigrationsAsync(cancellationToken)).Count()
            + (await usersDb.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        var data = new Dictionary<string, object> { ["pending"] = pending };
        return pending == 0 ? HealthCheckResult.Healthy(data: data) : HealthCheckResult.Unhealthy(data: data);
    }
}
