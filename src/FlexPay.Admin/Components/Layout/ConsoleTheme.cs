using MudBlazor;

namespace FlexPay.Admin.Components.Layout;

/// <summary>The console's look: a navy app bar, a calm blue primary and a teal accent, in light and dark.</summary>
public static class ConsoleTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f4ea2",
            Secondary = "#0b8f80",
            Tertiary = "#7651c9",
            Info = "#2f80ed",
            Success = "#1b8a5a",
            Warning = "#c77c02",
            Error = "#c93a3a",
            Background = "#f4f6fa",
            BackgroundGray = "#eceff5",
            Surface = "#ffffff",
            AppbarBackground = "#1d2740",
            AppbarText = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#33405a",
            DrawerIcon = "#5a6680",
            TextPrimary = "#1d2740",
            TextSecondary = "#5a6680",
            ActionDefault = "#5a6680",
            LinesDefault = "#e1e6ef",
            TableLines = "#e8ecf3",
            Divider = "#e1e6ef",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8fa7ff",
            PrimaryContrastText = "#0e1320",
            Secondary = "#3cc9b5",
            SecondaryContrastText = "#0e1320",
            Tertiary = "#b39bff",
            TertiaryContrastText = "#0e1320",
            Info = "#6aa8ff",
            InfoContrastText = "#0e1320",
            Success = "#4cc38a",
            SuccessContrastText = "#0e1320",
            Warning = "#f0b44c",
            WarningContrastText = "#0e1320",
            Error = "#f07171",
            ErrorContrastText = "#0e1320",
            Background = "#0e1320",
            BackgroundGray = "#141b2b",
            Surface = "#161e30",
            AppbarBackground = "#111827",
            AppbarText = "#e7ebf4",
            DrawerBackground = "#111827",
            DrawerText = "#c8cfdd",
            DrawerIcon = "#9aa5bd",
            TextPrimary = "#e7ebf4",
            TextSecondary = "#a0aac0",
            ActionDefault = "#a0aac0",
            LinesDefault = "#283248",
            TableLines = "#283248",
            Divider = "#283248",
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "10px",
            DrawerWidthLeft = "248px",
        },
    };
}
