namespace FlexPay.Core.Recovery;

/// <summary>Fresh merchantTransactionIds: a prefix saying what the request is, then a time-ordered GUID.</summary>
public static class MerchantTransactionIds
{
    public static string NewCharge() => "ch-" + Guid.CreateVersion7().ToString("N");

    public static string NewRefund() => "rf-" + Guid.CreateVersion7().ToString("N");
}
