namespace FlexPay.Core.FlexPayApi;

/// <summary>Thrown where a result object cannot be returned (mid-way through paging a list).</summary>
public sealed class FlexPayException(FlexPayCallStatus status, int? httpStatus, string message) : Exception(message)
{
    public FlexPayCallStatus Status { get; } = status;

    public int? HttpStatus { get; } = httpStatus;
}
