using Microsoft.AspNetCore.Components;

namespace FlexPay.Admin.Components.Shared;

/// <summary>Keeps what a screen shows (filters, search, <see cref="GridView"/>, tab) in its address.</summary>
public static class ViewInUrl
{
    /// <summary>
    /// Writes <paramref name="parameters"/> into the current address in place, without a new history entry (a null
    /// value removes its parameter), so Back leaves the screen in one press and a refresh or a copied link shows this view.
    /// </summary>
    public static void KeepInUrl(this NavigationManager navigation, IReadOnlyDictionary<string, object?> parameters)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        var uri = navigation.GetUriWithQueryParameters(parameters);
        if (uri != navigation.Uri)
        {
            navigation.NavigateTo(uri, replace: true);
        }
    }
}
