using System.Security.Cryptography;
using System.Text;

namespace FlexPay.Core.Recovery;

/// <summary>
/// merchantTransactionIds: a prefix saying what the request is, then a time-ordered GUID; or, for a refund sent
/// with an Idempotency-Key, a hash of the chain and the key, so the same request can never get a second id.
/// </summary>
public static class MerchantTransactionIds
{
    public static string NewCharge() => "ch-" + Guid.CreateVersion7().ToString("N");

    public static string NewRefund() => "rf-" + Guid.CreateVersion7().ToString("N");

    /// <summary>
    /// The same for the same chain and key, whatever the database holds: a retry after a lost row reuses it, and
    /// FlexPay refuses it (50129) instead of refunding twice.
    /// </summary>
    public static string ForRefund(Guid chainId, string idempotencyKey) =>
        "rf-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{chainId:N}/{idempotencyKey}")))[..32];
}
