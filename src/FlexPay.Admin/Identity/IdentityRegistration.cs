using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using FlexPay.Admin.Identity.Postgres;
using FlexPay.Admin.Identity.Sessions;
using FlexPay.Admin.Identity.SignIn;
using FlexPay.Admin.Identity.TwoFactor;
using FlexPay.Admin.Identity.Users;
using FlexPay.Core.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Identity;

internal static class IdentityRegistration
{
    public const string LoginPath = "/Account/Login";
    public const string SecondFactorPath = "/Account/LoginWith2fa";
    public const string LogoutPath = "/Account/Logout";
    public const string ChangePasswordPath = "/Account/Password";
    public const string TwoFactorPath = "/Account/TwoFactor";

    /// <summary>The forms whose posts are throttled per client address: each checks a password or a code.</summary>
    private static readonly string[] GuessablePaths = [LoginPath, SecondFactorPath, ChangePasswordPath, TwoFactorPath];

    /// <summary>
    /// ASP.NET Core Identity with the console's cookie, roles and policies. Users live in the app's own
    /// database (the connection string is taken from <see cref="FlexPayDbContext"/>'s options, so the two
    /// can never point at different databases), in tables of their own, beside the server-side sessions.
    /// </summary>
    public static IHostApplicationBuilder AddConsoleIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<BootstrapOptions>(builder.Configuration.GetSection(BootstrapOptions.SectionName));
        services.AddOptions<ConsoleSecurityOptions>().BindConfiguration(ConsoleSecurityOptions.SectionName)
            .Validate(o => o.IdleTimeout > TimeSpan.Zero && o.SessionLifetime >= o.IdleTimeout, "Security:IdleTimeout must be positive and at most Security:SessionLifetime.")
            .Validate(o => o.FormPostsPerMinute > 0, "Security:FormPostsPerMinute must be positive.")
            .ValidateOnStart();
        services.AddDbContextFactory<AdminIdentityDbContext, AdminIdentityDbContextFactory>((sp, options) =>
        {
            var appDatabase = RelationalOptionsExtension.Extract(sp.GetRequiredService<DbContextOptions<FlexPayDbContext>>());
            var provider = sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider;
            options.UseConsoleDatabase(provider, appDatabase.ConnectionString!, AdminIdentityDbContext.MigrationsHistoryTable);
        });
        if (StorageOptions.Read(builder.Configuration).IsPostgres)
        {
            // The key ring's store there (KeyRing) asks for the context by its own type.
            services.AddScoped(sp => (PostgresAdminIdentityDbContext)sp.GetRequiredService<IDbContextFactory<AdminIdentityDbContext>>().CreateDbContext());
        }

        services.AddIdentityCore<AdminUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.SignIn.RequireConfirmedAccount = false;
                identity.Password.RequiredLength = SignInRules.MinPasswordLength;
                // Wrong passwords lock per address (SignInFailures); Identity's own lockout counts only wrong second-factor codes.
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = SignInRules.MaxFailedSignIns;
                identity.Lockout.DefaultLockoutTimeSpan = SignInRules.LockoutDuration;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AdminIdentityDbContext>()
            .AddSignInManager<ConsoleSignInManager>()
            .AddClaimsPrincipalFactory<TwoFactorClaimsFactory>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = SignInRules.RevalidationInterval;
            // The principal is made anew from the user; the session it belongs to stays the same.
            o.OnRefreshingPrincipal = refresh =>
            {
                if (refresh.CurrentPrincipal?.FindFirst(ConsoleClaims.SessionId) is { } session && refresh.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(session.Type, session.Value));
                }
                return Task.CompletedTask;
            };
        });

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<ConsoleSecurityOptions>>((cookie, security) =>
            {
                cookie.Cookie.Name = "FlexPay.Console";
                cookie.LoginPath = LoginPath;
                cookie.LogoutPath = LogoutPath;
                // The server-side session enforces the idle timeout and the lifetime; the cookie need not outlive the latter.
                cookie.ExpireTimeSpan = security.Value.SessionLifetime;
                cookie.SlidingExpiration = false;
                cookie.EventsType = typeof(SessionCookieEvents);
            });
        services.AddScoped<SessionCookieEvents>();
        services.AddSingleton<ConsoleSessions>();
        services.AddScoped<CircuitActivity>();
        services.AddScoped<CircuitHandler, CircuitActivityHandler>();
        services.AddSignInThrottling();

        services.AddAuthorizationBuilder().AddConsolePolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();

        services.AddScoped<AdminAccounts>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<PasswordChange>();
        services.AddScoped<ConsoleSignIn>();
        services.AddScoped<TwoFactorSetup>();
        services.AddSingleton<SignInFailures>();
        services.AddSingleton<DecoyPassword>();
        services.AddScoped<ConsoleActor>();
        services.AddSingleton<IValidator<NewUser>, NewUserValidator>();
        services.AddHostedService<IdentityStartup>();
        return builder;
    }

    /// <summary>
    /// Throttling, authentication and authorization placed explicitly after the status-code and error pages: their
    /// re-executed requests (to /not-found, /Error) then pass through authorization again, which pages
    /// carrying <c>[AllowAnonymous]</c> or <c>[Authorize]</c> require.
    /// </summary>
    public static WebApplication UseConsoleIdentity(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseTwoFactorSetupGate();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The sign-out endpoint the user menu posts to (anti-forgery checked, as every form post).</summary>
    public static WebApplication MapConsoleIdentity(this WebApplication app)
    {
        app.MapPost(LogoutPath, async (HttpContext http, IAntiforgery antiforgery, SignInManager<AdminUser> signIn) =>
        {
            // No form field is bound here, so nothing else would check the token: a forged post must not sign anyone out.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("~" + LoginPath);
        });
        return app;
    }

    /// <summary>
    /// Posts to <see cref="GuessablePaths"/> are limited per client address (<see cref="ConsoleSecurityOptions.FormPostsPerMinute"/>);
    /// past that the answer is 429 with <c>Retry-After</c>, before any password is checked or any audit entry written.
    /// </summary>
    private static void AddSignInThrottling(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ConsoleSecurityOptions>>((limiter, security) =>
        {
            var perMinute = security.Value.FormPostsPerMinute;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && GuessablePaths.Any(path => http.Request.Path.StartsWithSegments(path))
                    ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, ct) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await rejected.HttpContext.Response.WriteAsync(
                    $"Too many attempts from your network. Wait {Math.Ceiling(wait.TotalSeconds):0} seconds, then go back and try again.", ct);
            };
        });
    }
}
