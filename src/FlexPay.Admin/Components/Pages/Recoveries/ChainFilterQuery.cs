using System.Globalization;
using FlexPay.Admin.Components.Shared;
using FlexPay.Core.Money;
using FlexPay.Core.Recovery;

namespace FlexPay.Admin.Components.Pages.Recoveries;

/// <summary>
/// A <see cref="ChainFilter"/> as a query string: the names and formats the recoveries page's URL, the list API and the
/// CSV export share (<c>?state=Failed&amp;currency=EUR&amp;q=inv-2026&amp;from=2026-11-01&amp;to=2026-11-30&amp;gateway=…</c>,
/// and <c>includeCertification=true</c> to list certification runs' chains too), read and checked in one place.
/// </summary>
public sealed record ChainFilterQuery(
    string? State, string? Currency, string? Q, string? From, string? To, string? Gateway, string? Company, bool? IncludeCertification = null)
{
    public const string DateFormat = "yyyy-MM-dd";

    public static ChainFilterQuery Of(ChainFilter filter) => new(
        filter.State?.ToString(), filter.Currency, filter.Search, Date(filter.CreatedFrom), Date(filter.CreatedTo), filter.Gateway, filter.Company,
        filter.IncludeCertification ? true : null);

    /// <summary>The filter, or null with a message per bad parameter (named as in the query string).</summary>
    public ChainFilter? ToFilter(out Dictionary<string, string[]> errors)
    {
        errors = [];
        ChainState? state = null;
        if (!string.IsNullOrWhiteSpace(State))
        {
            if (Enum.TryParse<ChainState>(State.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(State, out _))
            {
                state = parsed;
            }
            else
            {
                errors["state"] = [$"'{State}' is not a state. Use one of: {string.Join(", ", Enum.GetNames<ChainState>())}."];
            }
        }
        if (!string.IsNullOrWhiteSpace(Currency) && !Currencies.TryFind(Currency.Trim().ToUpperInvariant(), out _))
        {
            errors["currency"] = [$"'{Currency}' is not an ISO 4217 currency code."];
        }
        var from = ParseDate(From, "from", errors);
        var to = ParseDate(To, "to", errors);
        if (errors.Count > 0)
        {
            return null;
        }
        return new ChainFilter
        {
            State = state, Currency = Currency, Search = Q, CreatedFrom = from, CreatedTo = to, Gateway = Gateway, Company = Company,
            IncludeCertification = IncludeCertification == true,
        }.Normalized();
    }

    /// <summary>The filter's parameters for <c>NavigationManager.GetUriWithQueryParameters</c>; an unset one is removed from the URL.</summary>
    public Dictionary<string, object?> Parameters() => new()
    {
        ["state"] = State, ["currency"] = Currency, ["q"] = Q, ["from"] = From, ["to"] = To, ["gateway"] = Gateway, ["company"] = Company,
        [CertificationSwitch.QueryName] = IncludeCertification == true ? "true" : null,
    };

    private static string? Date(DateTime? day) => day?.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateTime? ParseDate(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateTime.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors[name] = [$"'{text}' is not a date; use {DateFormat} (a UTC day)."];
        return null;
    }
}
