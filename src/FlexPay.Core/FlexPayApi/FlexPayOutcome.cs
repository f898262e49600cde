namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// What a FlexPay call means for the caller (flexpay-api.md §3 and §7): a transaction's business answer, the
/// success of any other call, or why no usable answer came back.
/// </summary>
public enum FlexPayOutcome
{
    /// <summary>Response code 1xxxx.</summary>
    Approved,

    /// <summary>2xxxx with a retry date: retry at exactly that instant.</summary>
    SoftDeclineWithRetryDate,

    /// <summary>Declined without a retry date: never retried, whatever the code.</summary>
    DeclinedWithoutRetryDate,

    /// <summary>3xxxx, even if a retry date were present.</summary>
    HardDecline,

    /// <summary>4xxxx.</summary>
    RiskDecline,

    /// <summary>5xxxx: FlexPay rejected the request's fields (HTTP 200).</summary>
    ValidationError,

    /// <summary>A call that is not a transaction (vault read, gateway, health check) was accepted.</summary>
    Ok,

    /// <summary>HTTP 401 or 403.</summary>
    AuthenticationFailed,

    /// <summary>HTTP 400: the request could not be read; don't resend it unchanged.</summary>
    BadRequest,

    /// <summary>HTTP 404.</summary>
    NotFound,

    /// <summary>HTTP 5xx (or another unexpected status).</summary>
    ServerError,

    /// <summary>A POST/PUT/DELETE timed out or lost its connection: it may have been processed. Reconcile before resending.</summary>
    OutcomeUnknown,

    /// <summary>A GET timed out or lost its connection: nothing changed at FlexPay.</summary>
    Unreachable,
}

public static class FlexPayOutcomes
{
    /// <summary>The outcome in words, for messages people read (gateway sync errors, reconcile reports).</summary>
    public static string Describe(this FlexPayOutcome outcome) => outcome switch
    {
        FlexPayOutcome.Ok or FlexPayOutcome.Approved => "accepted",
        FlexPayOutcome.SoftDeclineWithRetryDate or FlexPayOutcome.DeclinedWithoutRetryDate or FlexPayOutcome.HardDecline
            or FlexPayOutcome.RiskDecline => "declined",
        FlexPayOutcome.ValidationError => "refused as invalid by FlexPay",
        FlexPayOutcome.AuthenticationFailed => "API key refused",
        FlexPayOutcome.BadRequest => "request refused as invalid",
        FlexPayOutcome.NotFound => "not found at FlexPay",
        FlexPayOutcome.ServerError => "FlexPay server error",
        FlexPayOutcome.OutcomeUnknown => "no answer, outcome unknown",
        _ => "FlexPay unreachable",
    };
}
