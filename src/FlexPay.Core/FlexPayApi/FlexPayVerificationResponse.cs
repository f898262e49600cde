namespace FlexPay.Core.FlexPayApi;

/// <summary>The transaction's <c>response</c> member: the gateway's AVS and CVV verdicts.</summary>
public sealed record FlexPayVerificationResponse
{
    public string? AvsCode { get; init; }

    public string? AvsMessage { get; init; }

    public string? CvvCode { get; init; }

    public string? CvvMessage { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorDetail { get; init; }
}
