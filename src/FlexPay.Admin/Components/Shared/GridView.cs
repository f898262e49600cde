using System.Globalization;
using MudBlazor;

namespace FlexPay.Admin.Components.Shared;

/// <summary>
/// A list's sort, page and page size as its address carries them (<c>sort</c>, <c>desc</c>, <c>page</c>, <c>size</c>,
/// beside the list's own filters), so a refresh, Back and a pasted link show the same view. Every list works the same
/// way: its page reads the view and its filters from the query string in <c>OnParametersSetAsync</c> (reloading the
/// grid when they changed: Back or Forward), binds the grid's <c>CurrentPage</c>, <c>RowsPerPage</c> and each column's
/// <see cref="InitialDirection"/> to it, and writes them back in place (<see cref="ViewInUrl.KeepInUrl"/>) each time its
/// grid loads. A screen with two grids names the second one's parameters with a prefix.
/// </summary>
public sealed record GridView(string? SortBy, bool Descending, int Page, int PageSize)
{
    public static readonly int[] PageSizes = [25, 50, 100];

    public const int DefaultPageSize = 25;

    /// <summary>The view the query string asks for; anything missing or out of range is the list's default.</summary>
    public static GridView FromQuery(string? sort, bool? desc, int? page, int? size, int defaultPageSize = DefaultPageSize, IReadOnlyCollection<int>? pageSizes = null) =>
        new(string.IsNullOrWhiteSpace(sort) ? null : sort, !string.IsNullOrWhiteSpace(sort) && desc == true, Math.Max(page ?? 0, 0),
            size is { } wanted && (pageSizes ?? PageSizes).Contains(wanted) ? wanted : defaultPageSize);

    /// <summary>The view a grid has just loaded.</summary>
    public static GridView Of<T>(GridState<T> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sort = state.SortDefinitions.FirstOrDefault();
        return new GridView(sort?.SortBy, sort?.Descending ?? false, state.Page, state.PageSize);
    }

    /// <summary>How the column sorting by <paramref name="column"/> starts: as the address says.</summary>
    public SortDirection InitialDirection(string column) =>
        SortBy != column ? SortDirection.None : Descending ? SortDirection.Descending : SortDirection.Ascending;

    /// <summary>
    /// Adds the view to a list's query parameters, each left out at its default so a plain list keeps a plain address;
    /// <paramref name="prefix"/> names a second grid's (<c>made-sort</c>).
    /// </summary>
    public Dictionary<string, object?> AddTo(Dictionary<string, object?> parameters, int defaultPageSize = DefaultPageSize, string prefix = "")
    {
        AddSortTo(parameters, prefix);
        parameters[prefix + "page"] = Page > 0 ? Page.ToString(CultureInfo.InvariantCulture) : null;
        parameters[prefix + "size"] = PageSize != defaultPageSize ? PageSize.ToString(CultureInfo.InvariantCulture) : null;
        return parameters;
    }

    /// <summary>Adds only the sort: what a list's CSV export takes besides the filters, to list all the rows in the screen's order.</summary>
    public Dictionary<string, object?> AddSortTo(Dictionary<string, object?> parameters, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters[prefix + "sort"] = SortBy;
        parameters[prefix + "desc"] = SortBy is not null && Descending ? "true" : null;
        return parameters;
    }
}
