using FlexPay.Admin.Components.Pages.Refunds;
using FlexPay.Admin.Components.Shared;
using FluentValidation;

namespace FlexPay.Admin.Components.Pages.Recoveries;

internal static class RecoveryScreens
{
    /// <summary>The recoveries and refunds screens' queries, commands and form rules.</summary>
    public static IServiceCollection AddRecoveryScreens(this IServiceCollection services)
    {
        services.AddScoped<ViewerBrowser>();
        services.AddTransient<ChainSearch>();
        services.AddTransient<ChainDetails>();
        services.AddTransient<RefundSearch>();
        services.AddScoped<RecoveryCommands>();
        services.AddScoped<IRefundRequests, RefundRequests>();
        services.AddSingleton<IValidator<RefundForm>, RefundFormValidator>();
        services.AddSingleton<IValidator<CancelForm>, CancelFormValidator>();
        return services;
    }
}
