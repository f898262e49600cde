namespace FlexPay.Core.Gateways;

/// <summary>
/// FlexPay's gateway type codes (flexpay-api.md §5.4, "Supported Gateway Types", Oct 2022): the one
/// list this project validates against. Codes seen only in responses are not offered for new gateways.
/// </summary>
public static class GatewayTypes
{
    public const string FlexPaySandbox = "flexpay_sandbox";

    public static IReadOnlyList<string> All { get; } =
    [
        "acquired", "adyen", "alto_global_processing", "authorize_net", "blue_snap", "braintree",
        "bridge_pay_bridgeComm", "card_connect", "chase_payment_tech", "checkout", "checkout_v2", "credorax",
        "cyber_source", "cyber_source_direct", "d_local", "elavon", "global", FlexPaySandbox, "forte",
        "global_collect", "inovio", "mojopay", "moneris", "moneris_ca", "mxmerchant", "net_billing", "nmi",
        "nuvei", "optimal_payments", "paycertify", "payeezy", "paypal", "paysafe", "paytrace", "payu_latam",
        "pex", "processingdotcom", "propay", "protect_pay", "psi_gate", "qualpay", "safe_charge", "slim_cd",
        "solid_gate", "stripe", "stripe_connect", "stripe_payment_intents", "transactionPro", "tsys_multipass",
        "usa_epay", "usaepay", "litle", "worldpay_litle", "worldpay",
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && Known.Contains(code);
}
