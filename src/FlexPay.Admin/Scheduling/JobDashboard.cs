using FlexPay.Admin.Identity;
using Hangfire;
using Hangfire.Dashboard;

namespace FlexPay.Admin.Scheduling;

/// <summary>
/// Hangfire's dashboard at <c>/hangfire</c>, for administrators only. The endpoint requires the policy (so a
/// visitor without a cookie is sent to sign in and a Viewer gets 403), and Hangfire's own filter checks the
/// cookie user's role again, so the dashboard stays closed even if it were mounted some other way.
/// </summary>
internal static class JobDashboard
{
    public const string Path = "/hangfire";

    public static WebApplication MapJobDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            DashboardTitle = "FlexPay jobs",
            AppPath = "/",
            Authorization = [new AdministratorsOnly()],
            DisplayNameFunc = JobNames.For,
        }).RequireAuthorization(Policies.CanAdministerSystem);
        return app;
    }

    internal sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.Identity?.IsAuthenticated == true && Policies.RolesFor(Policies.CanAdministerSystem).Any(user.IsInRole);
        }
    }
}
