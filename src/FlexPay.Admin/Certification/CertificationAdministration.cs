using FlexPay.Admin.Identity;
using FlexPay.Core.Accounts;
using FlexPay.Core.Audit;
using FlexPay.Core.Certification;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Certification;

/// <summary>A past or current run as the list shows it.</summary>
public sealed record CertificationRunRow(Guid Id, string Company, string StartedBy, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, RunStatus Status);

public sealed record CertificationRunPage(IReadOnlyList<CertificationRunRow> Rows, int Total);

/// <summary>A company to run for, with its key's mode and, when a run may not start for it, why.</summary>
public sealed record CertificationCompany(string Company, FlexPayMode Mode, string? Refusal);

/// <summary>The run started, or why none was.</summary>
public sealed record CertificationStart(Guid? RunId, string? Refusal);

/// <summary>
/// The Certification screen's server side. Every call checks <see cref="Policies.CanManageGateways"/> for the
/// signed-in user; a run is started in the background (<see cref="CertificationJobs"/>) and read back from
/// the database, so the page can be left and opened again.
/// </summary>
public sealed class CertificationAdministration(
    ConsoleActor actor,
    IServiceProvider services,
    IFlexPayAccounts accounts,
    AuditTrail audit,
    IDbContextFactory<FlexPayDbContext> dbFactory)
{
    private const string StartAction = "certification.start";

    public async Task<IReadOnlyList<CertificationCompany>> CompaniesAsync() =>
        await actor.MayAsync(Policies.CanManageGateways)
            ? [.. accounts.List().OrderBy(a => a.Company, StringComparer.Ordinal)
                .Select(a => new CertificationCompany(a.Company, a.Mode, CertificationRefusedException.For(accounts, a.Company)?.Message))]
            : [];

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

    /// <summary>Queues a run for <paramref name="company"/> in the signed-in user's name, or says why not (not allowed, not a Sandbox account).</summary>
    public async Task<CertificationStart> StartAsync(string company, CancellationToken ct = default)
    {
        var user = await actor.AllowedAsync(Policies.CanManageGateways, "start a certification run");
        if (user is null)
        {
            return new CertificationStart(null, "Only an administrator can start a certification run.");
        }
        if (CertificationRefusedException.For(accounts, company) is { } refusal)
        {
            await audit.RecordAsync(StartAction, $"company {company}", AuditOutcome.Refused, refusal.Message, ct);
            return new CertificationStart(null, refusal.Message);
        }
        // Resolved only here: reading runs needs neither Hangfire nor the scenarios.
        var jobs = services.GetRequiredService<CertificationJobs>();
        var runId = await jobs.StartAsync(company, user.Name, ct);
        await audit.RecordAsync(StartAction, $"company {company}", AuditOutcome.Succeeded, $"run {runId}", ct);
        return new CertificationStart(runId, null);
    }
}
