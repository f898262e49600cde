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
