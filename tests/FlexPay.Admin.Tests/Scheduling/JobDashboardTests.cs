using System.Security.Claims;
using FlexPay.Admin.Identity;
using FlexPay.Admin.Scheduling;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Scheduling;

/// <summary>Hangfire's own gate, independent of the endpoint's policy: only the cookie user's Admin role opens it.</summary>
public sealed class JobDashboardTests
{
    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Finance, false)]
    [InlineData(Roles.Viewer, false)]
    [InlineData(null, false)]
    public void Only_administrators_pass_the_dashboard_filter(string? role, bool expected)
    {
        var identity = role is null
            ? new ClaimsIdentity()
            : new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone@flexpay.test"), new Claim(ClaimTypes.Role, role)], "Identity.Application");
        using var services = new ServiceCollection().BuildServiceProvider();
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = services };

        var allowed = new JobDashboard.AdministratorsOnly().Authorize(new AspNetCoreDashboardContext(new InertStorage(), new DashboardOptions(), http));

        Assert.Equal(expected, allowed);
    }

    /// <summary>
    /// The filter never touches storage. A real storage would bind to Hangfire's global logger, which another
    /// test's disposed host may still own.
    /// </summary>
    private sealed class InertStorage : JobStorage
    {
        public override IMonitoringApi GetMonitoringApi() => throw new NotSupportedException();

        public override IStorageConnection GetConnection() => throw new NotSupportedException();
    }
}
