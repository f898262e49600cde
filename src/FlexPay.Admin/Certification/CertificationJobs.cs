using FlexPay.Core.Certification;
using Hangfire;

namespace FlexPay.Admin.Certification;

/// <summary>A run goes on in the background, so the page can be left and opened again.</summary>
public sealed class CertificationJobs(CertificationRunner runner, IBackgroundJobClient jobs)
{
    /// <summary>Creates the run and queues it; returns its id at once.</summary>
    public async Task<Guid> StartAsync(string company, string startedBy, CancellationToken ct = default)
    {
        var run = await runner.CreateAsync(company, startedBy, ct);
        jobs.Enqueue<CertificationJobs>(j => j.RunAsync(run.Id, CancellationToken.None));
        return run.Id;
    }

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(Guid runId, CancellationToken ct) => runner.RunAsync(runId, ct);
}
