using FlexPay.Admin.Components.Pages.Recoveries;
using MudBlazor;
using MudBlazor.Services;

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
        return builder;
    }
}
