using MudBlazor;

namespace FlexPay.Admin.Components.Shared;

/// <summary>How a list answers a new filter or search: from its first page, since the page it was on may no longer exist.</summary>
public static class GridReload
{
    public static Task FromFirstPageAsync<T>(this MudDataGrid<T>? grid)
    {
        if (grid is null)
        {
            return Task.CompletedTask;
        }
        if (grid.CurrentPage > 0)
        {
            grid.NavigateTo(Page.First);
            return Task.CompletedTask;
        }
        return grid.ReloadServerData();
    }
}
