namespace FlexPay.Core.FlexPayApi;

/// <summary>Thrown where a result object cannot be returned (mid-way through paging a list).</summary>
public sealed class FlexPayException(FlexPayOutcome outcome, int? httpStatus, string message) : Exception(message)
{
    public FlexPayOutcome Outcome { get; } = outcome;

    public int? HttpStatus { get; } = httpStatus;
}
