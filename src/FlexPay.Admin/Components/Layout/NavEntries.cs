using FlexPay.Admin.Identity;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace FlexPay.Admin.Components.Layout;

/// <summary>One line of the navigation drawer; shown only to users the page's own policy admits.</summary>
public sealed record NavEntry(string Section, string Title, string Href, string Icon, string Policy, NavLinkMatch Match = NavLinkMatch.Prefix);

public static class NavEntries
{
    public static IReadOnlyList<NavEntry> All { get; } =
    [
        new("Recovery", "Dashboard", "/", Icons.Material.Outlined.SpaceDashboard, Policies.CanView, NavLinkMatch.All),
        new("Recovery", "Recoveries", "/recoveries", Icons.Material.Outlined.Autorenew, Policies.CanView),
        new("Recovery", "Refunds", "/refunds", Icons.Material.Outlined.CurrencyExchange, Policies.CanView),
        new("Integration", "Gateways", "/gateways", Icons.Material.Outlined.Hub, Policies.CanView),
        new("Integration", "Webhooks", "/webhooks", Icons.Material.Outlined.Webhook, Policies.CanAdministerSystem),
        new("Integration", "Certification", "/certification", Icons.Material.Outlined.Verified, Policies.CanManageGateways),
        new("Administration", "Audit log", "/audit", Icons.Material.Outlined.History, Policies.CanReadAuditLog),
        new("Administration", "Users", "/users", Icons.Material.Outlined.ManageAccounts, Policies.CanManageUsers),
        new("Administration", "Settings", "/settings", Icons.Material.Outlined.Settings, Policies.CanAdministerSystem),
    ];
}
