using FlexPay.Core.Accounts;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Certification;

/// <summary>
/// Runs the seven scenarios one after the other, saving each step's state as it goes, so a page can
/// show live progress, be left and come back, and past runs stay available for Appendix A. A run works in
/// its own <see cref="CertificationScope"/> (what it creates is tagged, the audit names who started it) and
/// only on a Sandbox account; whatever its end, <see cref="CertificationCleanup"/> disables what it left enabled.
/// </summary>
public sealed class CertificationRunner(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    IEnumerable<ICertificationScenario> scenarios,
    CertificationContext context,
    CertificationScope scope,
    CertificationCleanup cleanup,
    CertificationRunsInProcess inProcess,
    IFlexPayAccounts accounts,
    TimeProvider clock)
{
    /// <summary>Queues a run; throws <see cref="CertificationRefusedException"/> unless <paramref name="company"/> is a Sandbox account.</summary>
    public async Task<CertificationRun> CreateAsync(string company, string startedBy, CancellationToken ct = default)
    {
        if (CertificationRefusedException.For(accounts, company) is { } refusal)
        {
            throw refusal;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = new CertificationRun(company, startedBy, clock.GetUtcNow());
        db.CertificationRuns.Add(run);
        inProcess.Add(run.Id);
        await db.SaveChangesAsync(ct);
        return run;
    }

    public async Task RunAsync(Guid runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.CertificationRuns.SingleAsync(r => r.Id == runId, ct);
        if (run.Status != RunStatus.Queued)
        {
            return;
        }
        inProcess.Add(run.Id);
        try
        {
            await RunQueuedAsync(db, run, ct);
        }
        finally
        {
            inProcess.Remove(run.Id);
        }
    }

    private async Task RunQueuedAsync(FlexPayDbContext db, CertificationRun run, CancellationToken ct)
    {
        scope.Enter(run);
        if (CertificationRefusedException.For(accounts, run.Company) is { } refusal)
        {
            // The account was replaced by a Live one after the run was queued.
            run.Abandon(refusal.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return;
        }
        run.Start();
        await db.SaveChangesAsync(ct);
        try
        {
            await RunScenariosAsync(db, run, ct);
        }
        finally
        {
            // Also when the run failed or was cancelled (the host stopping): nothing it made may take payments afterwards.
            await cleanup.EndAsync(run.Id, scope.ActorName!, CancellationToken.None);
        }
        // Only now is the run over: a finished run has nothing of its own left enabled.
        if (run.Status == RunStatus.Running)
        {
            run.Finish(clock.GetUtcNow());
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task RunScenariosAsync(FlexPayDbContext db, CertificationRun run, CancellationToken ct)
    {
        CertificationSession session;
        try
        {
            // Every charge of the run is pinned to a gateway of the chosen company, so it goes out with that company's key.
            var routing = await context.CreateGatewayAsync(run.Company, $"CERT-{run.Mark}-ROUTING", "routing-secret", ct);
            session = new CertificationSession(run.Id, run.Mark, run.Company, routing.Id, scope.ActorName!);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Abandon($"The run's gateway could not be set up at FlexPay: {ex.Message}", clock.GetUtcNow());
            return;
        }

        foreach (var scenario in scenarios.OrderBy(s => s.Number))
        {
            var step = run.Step(scenario.Number);
            step.Begin();
            await db.SaveChangesAsync(ct);
            try
            {
                step.Pass(await scenario.RunAsync(step, session, ct));
            }
            catch (CertificationCheckFailedException ex)
            {
                step.Fail(ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                step.Fail($"The scenario could not run: {ex.Message}");
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// At start-up: runs a previous process left going cannot resume and are closed; then every run that left a
    /// gateway enabled or a recovery waiting (the process stopped mid-run, or between a run's end and its clean-up)
    /// is cleaned up, in the name of whoever started it. Runs this process queued are left to their own end.
    /// </summary>
    public async Task InterruptUnfinishedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unfinished = (await db.CertificationRuns.Where(r => r.Status == RunStatus.Queued || r.Status == RunStatus.Running).ToListAsync(ct))
            .Where(r => !inProcess.Contains(r.Id)).ToList();
        unfinished.ForEach(r => r.Interrupt(clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);

        var leftovers = (await cleanup.RunsWithLeftoversAsync(ct)).Where(id => !inProcess.Contains(id)).ToList();
        foreach (var run in await db.CertificationRuns.AsNoTracking().Where(r => leftovers.Contains(r.Id)).ToListAsync(ct))
        {
            scope.Enter(run);
            await cleanup.EndAsync(run.Id, scope.ActorName!, ct);
        }
    }
}
