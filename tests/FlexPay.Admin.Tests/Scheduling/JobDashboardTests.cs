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
        var storage = new UnusedStorage();

        var allowed = new JobDashboard.AdministratorsOnly().Authorize(new AspNetCoreDashboardContext(storage, new DashboardOptions(), http));

        Assert.Equal(expected, allowed);
    }

    /// <summary>
    /// The filter never reads the storage. A real InMemoryStorage would take a logger from Hangfire's static log
    /// provider, which may hold a disposed app's LoggerFactory once another test's app has stopped.
    /// </summary>
    private sealed class UnusedStorage : JobStorage
    {
        public override IMonitoringApi GetMonitoringApi() => throw new NotSupportedException();

        public override IStorageConnection GetConnection() => throw new NotSupportedException();
    }
}
