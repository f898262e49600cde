using FlexPay.Admin.Identity.Users;
using FlexPay.Core.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FlexPay.Admin.Identity;

internal static class IdentityRegistration
{
    public const string LoginPath = "/Account/Login";
    public const string LogoutPath = "/Account/Logout";
    public const string ChangePasswordPath = "/Account/Password";

    /// <summary>
    /// ASP.NET Core Identity with the console's cookie, roles and policies. Users live in the app's own
    /// SQLite file (the connection string is taken from <see cref="FlexPayDbContext"/>'s options, so the two
    /// can never point at different files), in tables of their own.
    /// </summary>
    public static IHostApplicationBuilder AddConsoleIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<BootstrapOptions>(builder.Configuration.GetSection(BootstrapOptions.SectionName));
        services.AddDbContextFactory<AdminIdentityDbContext>((sp, options) =>
        {
            var appDatabase = RelationalOptionsExtension.Extract(sp.GetRequiredService<DbContextOptions<FlexPayDbContext>>());
            options.UseSqlite(appDatabase.ConnectionString, sqlite => sqlite.MigrationsHistoryTable(AdminIdentityDbContext.MigrationsHistoryTable));
        });

        services.AddIdentityCore<AdminUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.SignIn.RequireConfirmedAccount = false;
                identity.Password.RequiredLength = SignInRules.MinPasswordLength;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = SignInRules.MaxFailedSignIns;
                identity.Lockout.DefaultLockoutTimeSpan = SignInRules.LockoutDuration;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AdminIdentityDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = SignInRules.RevalidationInterval);

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "FlexPay.Console";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // A signed-in user without the role gets a real 403 (rendered by the status page), not a redirect.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder().AddConsolePolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();

        services.AddScoped<AdminAccounts>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<PasswordChange>();
        services.AddScoped<ConsoleActor>();
        services.AddSingleton<IValidator<NewUser>, NewUserValidator>();
        services.AddHostedService<IdentityStartup>();
        return builder;
    }

    /// <summary>
    /// Authentication and authorization placed explicitly after the status-code and error pages: their
    /// re-executed requests (to /not-found, /Error) then pass through authorization again, which pages
    /// carrying <c>[AllowAnonymous]</c> or <c>[Authorize]</c> require.
    /// </summary>
    public static WebApplication UseConsoleIdentity(this WebApplication app)
    {
        app.UseAuthentication();
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
}
