namespace FlexPay.Core.Gateways;

/// <summary>What staff want: an enabled gateway takes charges (FlexPay <c>Available</c>); a disabled one only refunds (<c>RefundOnly</c>).</summary>
public enum GatewayDesiredState
{
    Disabled,
    Enabled,
}

public enum GatewaySyncState
{
    /// <summary>FlexPay has what we have (or, for a gateway never enabled, there is nothing to send).</summary>
    InSync,

    /// <summary>A change waits to reach FlexPay; retried with back-off until FlexPay accepts it.</summary>
    Pending,

    /// <summary>FlexPay refused the change (bad request, key refused, gateway gone): staff must act, then retry.</summary>
    Failed,
}

/// <summary>What is still to be sent to FlexPay.</summary>
[Flags]
public enum GatewayChanges
{
    None = 0,

    /// <summary>Create the gateway at FlexPay (carries everything).</summary>
    Create = 1,

    /// <summary>The non-secret fields (type, MID reference, currencies, weight, flags, fees).</summary>
    Settings = 2,

    /// <summary>The credentials, sent as FlexPay's write-only <c>settings</c>.</summary>
    Credentials = 4,

    /// <summary>The status: Available when enabled, RefundOnly when disabled.</summary>
    Status = 8,
}
