using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FlexPay.Core.Webhooks;

/// <summary>
/// The <c>FlexPay-Console-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>, one
/// <c>v1</c> per valid secret, so a receiver that still has the previous secret after a roll can verify.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "FlexPay-Console-Signature";

    public static string Header(string body, IReadOnlyList<string> secrets, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"{timestamp}.{body}");
        var signatures = secrets.Select(secret =>
            "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)));
        return $"t={timestamp}," + string.Join(",", signatures);
    }
}
