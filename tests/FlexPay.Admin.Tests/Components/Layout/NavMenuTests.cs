using Bunit;
using FlexPay.Admin.Components.Layout;
using FlexPay.Admin.Identity;

namespace FlexPay.Admin.Tests.Components.Layout;

public sealed class NavMenuTests : ComponentTest
{
    [Theory]
    [InlineData(Roles.Viewer, new[] { "Dashboard", "Recoveries", "Refunds", "Gateways" })]
    [InlineData(Roles.Finance, new[] { "Dashboard", "Recoveries", "Refunds", "Gateways", "Audit log" })]
    [InlineData(Roles.Admin, new[] { "Dashboard", "Recoveries", "Refunds", "Gateways", "Webhooks", "Certification", "Audit log", "Users", "Settings" })]
    public void Each_role_sees_the_entries_its_policies_allow(string role, string[] expected)
    {
        this.SignInAs(role);

        var menu = Render<NavMenu>();

        Assert.Equal(expected, menu.FindAll("[data-nav]").Select(a => a.GetAttribute("data-nav")));
    }

    [Fact]
    public void An_anonymous_visitor_sees_no_entries()
    {
        this.SignInAs(role: null);

        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("[data-nav]"));
    }

    [Fact]
    public void Sections_appear_only_when_one_of_their_entries_does()
    {
        this.SignInAs(Roles.Viewer);

        var menu = Render<NavMenu>();

        Assert.Equal(["Recovery", "Integration"], menu.FindAll(".fp-nav-section").Select(s => s.TextContent));
    }

    [Fact]
    public void Every_entry_links_to_a_page_with_the_same_policy()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Select(t => (Route: t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), false).Cast<Microsoft.AspNetCore.Components.RouteAttribute>().FirstOrDefault()?.Template,
                Policies: t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), true).Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().Select(a => a.Policy).ToList()))
            .Where(p => p.Route is not null)
            .ToDictionary(p => p.Route!, p => p.Policies);

        Assert.All(NavEntries.All, entry => Assert.Contains(entry.Policy, pages[entry.Href]));
    }
}
