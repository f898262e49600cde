namespace FlexPay.Core.Text;

/// <summary>
/// The longest text each kind of field holds, declared once: the validators, the screens' inputs and the
/// database columns (EF Core's max lengths) all read it here.
/// </summary>
public static class TextLimits
{
    /// <summary>The billing system's id of a payment (<c>externalId</c>).</summary>
    public const int ExternalId = 100;

    /// <summary>An order or invoice id: FlexPay's <c>orderId</c>.</summary>
    public const int OrderId = 64;

    public const int CustomerId = 100;

    /// <summary>The longest address RFC 5321 lets through.</summary>
    public const int Email = 254;

    /// <summary>A charge's description as FlexPay takes it.</summary>
    public const int Description = 255;

    /// <summary>A webhook endpoint's URL.</summary>
    public const int WebhookUrl = 2000;

    /// <summary>FlexPay's ids and tokens: transactions, gateways, vaulted payment methods, our merchantTransactionIds.</summary>
    public const int FlexPayId = 64;

    /// <summary>A card stored at the merchant's gateway, named by that gateway's own token.</summary>
    public const int GatewayPaymentMethodId = 128;

    /// <summary>FlexPay's opaque <c>referenceData</c>.</summary>
    public const int ReferenceData = 255;

    /// <summary>A response code: FlexPay's five digits, or a merchant gateway's own decline code.</summary>
    public const int ResponseCode = 16;

    public const int DeclineCode = 32;

    /// <summary>Why staff or the billing system refunded or cancelled; the merchant gateway's decline message.</summary>
    public const int Reason = 500;

    /// <summary>What the console or FlexPay says back: state reasons, response messages, sync errors, audit details.</summary>
    public const int Message = 1000;

    /// <summary>A FlexPay account (company) name.</summary>
    public const int Company = 100;

    /// <summary>Who acted: a user's e-mail address or a caller's name.</summary>
    public const int Actor = 256;

    public const int GatewayName = 100;

    public const int GatewayType = 64;

    public const int MerchantAccountReferenceId = 64;

    public const int CurrencyCode = 3;

    public const int CredentialValue = 2048;

    public const int FlexPayApiKey = 512;

    /// <summary>A card holder's first or last name, city or state.</summary>
    public const int CardName = 50;

    public const int AddressLine = 100;

    public const int PostalCode = 16;
}
