using FlexPay.Admin.Accounts;
using FlexPay.Admin.Certification;
using FlexPay.Admin.Components.Pages.Gateways;
using FlexPay.Admin.Components.Pages.Recoveries;
using FlexPay.Admin.Components.Pages.Settings;
using FlexPay.Admin.Exports;
using FlexPay.Admin.Gateways;
using FluentValidation;
using MudBlazor.Services;
using MudBlazor;

namespace FlexPay.Admin.Components;

internal static class ConsoleUiRegistration
{
    /// <summary>The Blazor Server UI: interactive components and MudBlazor, with results shown bottom-right, clear of the app bar.</summary>
    public static IHostApplicationBuilder AddConsoleUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices(mud =>
        {
            mud.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            mud.SnackbarConfiguration.PreventDuplicates = false;
            mud.SnackbarConfiguration.ShowCloseIcon = true;
            mud.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        builder.Services.AddRecoveryScreens();
        builder.Services.AddScreenExports();
        // The screens' server sides: each checks the signed-in user's policy before it acts.
        builder.Services.AddScoped<GatewayAdministration>();
        builder.Services.AddSingleton<IValidator<GatewayForm>, GatewayFormValidator>();
        builder.Services.AddScoped<AccountAdministration>();
        builder.Services.AddSingleton<IValidator<AccountKeyForm>, AccountKeyFormValidator>();
        builder.Services.AddScoped<CertificationAdministration>();
        return builder;
    }
}
