using FlexPay.Admin.Identity;
using FlexPay.Core.Accounts;
using FlexPay.Core.Certification;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Certification;

/// <summary>A past or current run as the list shows it.</summary>
public sealed record CertificationRunRow(Guid Id, string Company, string StartedBy, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, RunStatus Status);

public sealed record CertificationRunPage(IReadOnlyList<CertificationRunRow> Rows, int Total);

/// <summary>
/// The Certification screen's server side. Every call checks <see cref="Policies.CanManageGateways"/> for the
/// signed-in user; a run is started in the background (<see cref="CertificationJobs"/>) and read back from
/// the database, so the page can be left and opened again.
/// </summary>
public sealed class CertificationAdministration(
    ConsoleActor actor,
    IServiceProvider services,
    IFlexPayAccounts accounts,
    IDbContextFactory<FlexPayDbContext> dbFactory)
{
    public async Task<IReadOnlyList<string>> CompaniesAsync() =>
        await actor.MayAsync(Policies.CanManageGateways) ? [.. accounts.List().Select(a => a.Company).Order(StringComparer.Ordinal)] : [];

    public async Task<CertificationRunPage> ListRunsAsync(int page, int pageSize, CancellationToken ct = default)
    {
        if (!await actor.MayAsync(Policies.CanManageGateways))
        {
            return new CertificationRunPage([], 0);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var total = await db.CertificationRuns.CountAsync(ct);
        var rows = await db.CertificationRuns.AsNoTracking()
            .OrderByDescending(r => r.CreatedAt)
            .Skip(page * pageSize).Take(pageSize)
            .Select(r => new CertificationRunRow(r.Id, r.Company, r.StartedBy, r.CreatedAt, r.FinishedAt, r.Status))
            .ToListAsync(ct);
        return new CertificationRunPage(rows, total);
    }

    public async Task<CertificationRun?> GetRunAsync(Guid id, CancellationToken ct = default)
    {
        if (!await actor.MayAsync(Policies.CanManageGateways))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CertificationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
    }

    /// <summary>Queues a run for <paramref name="company"/> in the signed-in user's name; null when they may not, or the company is unknown.</summary>
    public async Task<Guid?> StartAsync(string company, CancellationToken ct = default)
    {
        var user = await actor.AllowedAsync(Policies.CanManageGateways, "start a certification run");
        if (user is null || !accounts.Exists(company))
        {
            return null;
        }
        // Resolved only here: reading runs needs neither Hangfire nor the scenarios.
        var jobs = services.GetRequiredService<CertificationJobs>();
        return await jobs.StartAsync(company, user.Name, ct);
    }
}
