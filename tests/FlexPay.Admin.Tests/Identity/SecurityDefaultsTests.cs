using FlexPay.Admin.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Tests.Identity;

/// <summary>
/// What a Production console does when its <c>Security</c> section is left alone: sessions end after 30 idle minutes
/// and 12 hours at most, and Admin and Finance users must sign in with an authenticator app.
/// </summary>
public sealed class SecurityDefaultsTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public void Sessions_last_30_idle_minutes_and_12_hours_at_most_and_admin_and_finance_need_two_factor()
    {
        var security = app.Services.GetRequiredService<IOptions<ConsoleSecurityOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(30), security.IdleTimeout);
        Assert.Equal(TimeSpan.FromHours(12), security.SessionLifetime);
        Assert.Equal([Roles.Admin, Roles.Finance], security.RolesRequiringTwoFactor(app.Services.GetRequiredService<IHostEnvironment>()));
    }
}
