using FlexPay.Core.Gateways;

namespace FlexPay.Admin.Components.Pages.Gateways;

/// <summary>
/// The credentials each gateway type connects with, as FlexPay's <c>settings</c> names them. A type not
/// listed here gets free-form name/value pairs.
/// </summary>
public static class GatewayCredentialFields
{
    private static readonly Dictionary<string, string[]> ByType = new(StringComparer.Ordinal)
    {
        [GatewayTypes.FlexPaySandbox] = ["apiKey"],
        ["nmi"] = ["security_key"],
        ["stripe"] = ["secret_key"],
        ["stripe_connect"] = ["secret_key", "account_id"],
        ["stripe_payment_intents"] = ["secret_key"],
        ["authorize_net"] = ["api_login_id", "transaction_key"],
        ["braintree"] = ["merchant_id", "public_key", "private_key"],
        ["adyen"] = ["username", "password", "merchant_account"],
        ["paypal"] = ["client_id", "client_secret"],
        ["checkout_v2"] = ["secret_key"],
        ["usa_epay"] = ["source_key", "pin"],
    };

    /// <summary>The fixed credential names of <paramref name="gatewayType"/>; empty when the form asks for free-form pairs.</summary>
    public static IReadOnlyList<string> For(string? gatewayType) =>
        gatewayType is not null && ByType.TryGetValue(gatewayType, out var names) ? names : [];

    public static bool IsFreeForm(string? gatewayType) => For(gatewayType).Count == 0;
}
