using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery.Dispatch;
using Hangfire.Common;
using Hangfire.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Scheduling;

/// <summary>Names the dashboard's jobs for people: a window's job says how many retries it holds and when ("12,402 retries due 2026-12-02 00:00 UTC").</summary>
internal static class JobNames
{
    public static string For(DashboardContext context, Job job)
    {
        if (job.Method.Name != nameof(RecoveryJobs.DispatchWindowAsync) || job.Args is not [DateTimeOffset start, ..])
        {
            return $"{job.Type.Name}.{job.Method.Name}";
        }
        var window = new DueWindow(start);
        var dbFactory = context.GetHttpContext().RequestServices.GetRequiredService<IDbContextFactory<FlexPayDbContext>>();
        using var db = dbFactory.CreateDbContext();
        var retries = db.Attempts.Count(a => a.DueAt >= window.Start && a.DueAt < window.End);
        return $"{retries:N0} {(retries == 1 ? "retry" : "retries")} due {window}";
    }
}
