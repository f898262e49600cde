namespace FlexPay.Core.FlexPayApi;

/// <summary>The HTTP-level result of a non-transaction call (vault reads, gateways, health).</summary>
public enum FlexPayCallStatus
{
    Ok,
    AuthenticationFailed,
    BadRequest,
    NotFound,
    ServerError,

    /// <summary>A POST/PUT/DELETE timed out or lost its connection: it may have been applied.</summary>
    OutcomeUnknown,

    /// <summary>A GET timed out or lost its connection.</summary>
    Unreachable,
}

public static class FlexPayCallStatuses
{
    /// <summary>The status in words, for messages people read (gateway sync errors, reconcile reports).</summary>
    public static string Describe(this FlexPayCallStatus status) => status switch
    {
        FlexPayCallStatus.Ok => "accepted",
        FlexPayCallStatus.AuthenticationFailed => "API key refused",
        FlexPayCallStatus.BadRequest => "request refused as invalid",
        FlexPayCallStatus.NotFound => "not found at FlexPay",
        FlexPayCallStatus.ServerError => "FlexPay server error",
        FlexPayCallStatus.OutcomeUnknown => "no answer, outcome unknown",
        _ => "FlexPay unreachable",
    };
}
