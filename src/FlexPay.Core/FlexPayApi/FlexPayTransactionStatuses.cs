namespace FlexPay.Core.FlexPayApi;

/// <summary>Known <c>transactionStatus</c> values. Classification goes by response code first (see <see cref="FlexPayOutcome"/>).</summary>
public static class FlexPayTransactionStatuses
{
    public const int Approved = 1;
    public const int Declined = 2;
    public const int Error = 3;
}
