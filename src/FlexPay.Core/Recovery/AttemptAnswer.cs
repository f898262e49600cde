using FlexPay.Core.FlexPayApi;

namespace FlexPay.Core.Recovery;

/// <summary>What FlexPay answered to one attempt (a business outcome, or an HTTP-level refusal).</summary>
public sealed record AttemptAnswer(FlexPayOutcome Outcome, DateTimeOffset AnsweredAt)
{
    public string? TransactionId { get; init; }

    public string? ResponseCode { get; init; }

    public string? Message { get; init; }

    public string? ReferenceData { get; init; }

    public DateTimeOffset? RetryDate { get; init; }

    public string? GatewayToken { get; init; }

    public string? AssignedGatewayToken { get; init; }

    public static AttemptAnswer From(TransactionResult result, DateTimeOffset answeredAt)
    {
        var transaction = result.Transaction;
        return new AttemptAnswer(result.Outcome, answeredAt)
        {
            TransactionId = NullIfEmpty(transaction?.TransactionId),
            ResponseCode = transaction?.ResponseCode,
            Message = transaction?.Message ?? result.ErrorMessage,
            ReferenceData = NullIfEmpty(transaction?.ReferenceData),
            RetryDate = transaction?.RetryDate,
            GatewayToken = NullIfEmpty(transaction?.GatewayToken),
            AssignedGatewayToken = NullIfEmpty(transaction?.AssignedGatewayToken),
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
