using System.Security.Claims;
using Bunit;
using FlexPay.Admin.Identity;
using FlexPay.Core.Audit;
using FlexPay.Core.Certification;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace FlexPay.Admin.Tests.Components;

internal static class TestServices
{
    /// <summary>
    /// MudBlazor as the app registers it, JS interop that answers anything, no popover-provider check, and the
    /// <see cref="ConsoleActor"/> the screens' services check the signed-in user with (see <see cref="SignInAs"/>).
    /// </summary>
    public static BunitContext AddTestServices(this BunitContext context)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices(mud => mud.PopoverOptions.CheckForPopoverProvider = false);
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.AddScoped<ConsoleActor>();
        return context;
    }

    /// <summary>The audit trail the Core services record into, acting as the system (no circuit user in bUnit).</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddScoped<ICurrentActor, SystemActor>();
        services.AddScoped<CertificationScope>();
        services.AddTransient<AuditTrail>();
        return services;
    }

    /// <summary>
    /// Signs the test in with <paramref name="role"/> (none: anonymous) and the app's real policies, so what is
    /// checked is the role-to-policy mapping itself, not a stubbed policy answer.
    /// </summary>
    public static ClaimsPrincipal SignInAs(this BunitContext context, string? role, string email = "someone@flexpay.test")
    {
        var identity = role is null
            ? new ClaimsIdentity()
            : new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, "user-" + email), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role)],
                authenticationType: "Test");
        var user = new ClaimsPrincipal(identity);
        // bUnit puts placeholders in these seats; the real services evaluate the app's real policies.
        context.Services.AddAuthorizationCore(options => options.AddConsolePolicies());
        context.Services.Replace(ServiceDescriptor.Transient<IAuthorizationService, DefaultAuthorizationService>());
        context.Services.Replace(ServiceDescriptor.Transient<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>());
        context.Services.Replace(ServiceDescriptor.Singleton<AuthenticationStateProvider>(new FixedAuthenticationState(user)));
        context.Services.AddCascadingAuthenticationState();
        return user;
    }

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
