namespace FlexPay.Core.FlexPayApi;

/// <summary>Turns FlexPay's answers into outcomes. Pure functions, so every rule is tested without HTTP.</summary>
internal static class OutcomeClassifier
{
    /// <summary>
    /// An HTTP 200 transaction: the response code's family decides (flexpay-api.md §3); the status only
    /// helps when the code is missing or malformed. Only a 2xxxx decline can be retried, and only with a date.
    /// </summary>
    public static FlexPayOutcome Classify(FlexPayTransaction transaction) =>
        CodeFamily(transaction.ResponseCode) switch
        {
            '1' => FlexPayOutcome.Approved,
            '2' when transaction.RetryDate is not null => FlexPayOutcome.SoftDeclineWithRetryDate,
            '2' => FlexPayOutcome.DeclinedWithoutRetryDate,
            '3' => FlexPayOutcome.HardDecline,
            '4' => FlexPayOutcome.RiskDecline,
            '5' => FlexPayOutcome.ValidationError,
            _ when transaction.TransactionStatus == FlexPayTransactionStatuses.Approved => FlexPayOutcome.Approved,
            _ => FlexPayOutcome.DeclinedWithoutRetryDate,
        };

    /// <summary>A non-2xx status (flexpay-api.md §7); anything unexpected counts as a server error.</summary>
    public static FlexPayOutcome FromHttpStatus(int status) => status switch
    {
        401 or 403 => FlexPayOutcome.AuthenticationFailed,
        400 => FlexPayOutcome.BadRequest,
        404 => FlexPayOutcome.NotFound,
        _ => FlexPayOutcome.ServerError,
    };

    /// <summary>
    /// No answer at all: a read changed nothing, but a write may have been applied before the line dropped.
    /// </summary>
    public static FlexPayOutcome WithoutAnswer(HttpMethod method) =>
        method == HttpMethod.Get ? FlexPayOutcome.Unreachable : FlexPayOutcome.OutcomeUnknown;

    private static char CodeFamily(string code) =>
        code.Length >= 5 && code.All(char.IsAsciiDigit) ? code[0] : '?';
}
