using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Certification;

/// <summary>
/// Runs the seven scenarios one after the other, saving each step's state as it goes, so a page can
/// show live progress, be left and come back, and past runs stay available for Appendix A.
/// </summary>
public sealed class CertificationRunner(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    IEnumerable<ICertificationScenario> scenarios,
    CertificationContext context,
    TimeProvider clock)
{
    public async Task<CertificationRun> CreateAsync(string company, string startedBy, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = new CertificationRun(company, startedBy, clock.GetUtcNow());
        db.CertificationRuns.Add(run);
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
        run.Start();
        await db.SaveChangesAsync(ct);

        CertificationSession session;
        try
        {
            // Every charge of the run is pinned to a gateway of the chosen company, so it goes out with that company's key.
            var routing = await context.CreateGatewayAsync(run.Company, $"CERT-{run.Id.ToString("N")[^8..].ToUpperInvariant()}-ROUTING", "routing-secret", ct);
            session = new CertificationSession(run.Id, run.Company, routing.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Abandon($"The run's gateway could not be set up at FlexPay: {ex.Message}", clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
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
        run.Finish(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>At start-up: runs that were going when the process stopped cannot resume.</summary>
    public async Task InterruptUnfinishedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unfinished = await db.CertificationRuns.Where(r => r.Status == RunStatus.Queued || r.Status == RunStatus.Running).ToListAsync(ct);
        unfinished.ForEach(r => r.Interrupt(clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }
}
