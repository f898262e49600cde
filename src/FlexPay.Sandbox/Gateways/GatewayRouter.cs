using FlexPay.Sandbox.Companies;
using FlexPay.Sandbox.Transactions;

namespace FlexPay.Sandbox.Gateways;

/// <summary>Chooses the gateway of a charge or authorization (flexpay-api.md §5.5, §5.6). Call under the company lock.</summary>
internal static class GatewayRouter
{
    public static (Gateway? Gateway, string? Code) Route(Company company, string? requestedToken, string currency)
    {
        if (!string.IsNullOrEmpty(requestedToken))
        {
            var named = company.FindGateway(requestedToken);
            if (named is null)
            {
                return (null, ResponseCodes.UnknownGateway);
            }
            if (named.Status != Gateway.Available)
            {
                return (named, ResponseCodes.InvalidAccountState);
            }
            return named.Accepts(currency) ? (named, null) : (named, ResponseCodes.CurrencyNotAccepted);
        }

        // Highest weight wins; among equals the oldest (the list is in creation order and MaxBy keeps the first).
        var chosen = company.Gateways
            .Where(g => g.Status == Gateway.Available && g.Accepts(currency))
            .MaxBy(g => g.Weight);
        return (chosen ?? company.BuiltInGateway, null);
    }

    /// <summary>Follow-ups go through the original's gateway; refunds and voids still pass a RefundOnly one.</summary>
    public static string? CheckFollowUp(Company company, string gatewayToken, bool movesMoneyIn)
    {
        var gateway = company.FindGateway(gatewayToken);
        if (gateway is null)
        {
            // Deleted since the original: the emulator lets the follow-up through rather than strand the money.
            return null;
        }
        return gateway.Status switch
        {
            Gateway.Available => null,
            Gateway.RefundOnly when !movesMoneyIn => null,
            _ => ResponseCodes.InvalidAccountState,
        };
    }
}
