using FlexPay.Core.FlexPayApi;
using Microsoft.Extensions.Logging;

namespace FlexPay.Core.Gateways;

/// <summary>Gateway log lines. Names, ids, tokens and states only: never a credential or a key.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Gateway {GatewayId} ({Name}) defined for company {Company}.")]
    public static partial void Defined(this ILogger logger, Guid gatewayId, string name, string company);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Gateway {GatewayId} changed: {Change}; sync {SyncState}.")]
    public static partial void Changed(this ILogger logger, Guid gatewayId, string change, GatewaySyncState syncState);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Gateway {GatewayId} in sync with FlexPay as {Token} ({Status}).")]
    public static partial void Synced(this ILogger logger, Guid gatewayId, string? token, string status);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Gateway {GatewayId} sync failed ({Outcome}, try {Attempts}): {Error}; next try {RetryAt:O}.")]
    public static partial void SyncRetrying(this ILogger logger, Guid gatewayId, FlexPayOutcome outcome, int attempts, string error, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "Gateway {GatewayId} sync refused by FlexPay ({Outcome}): {Error}. Staff must fix it and retry.")]
    public static partial void SyncRefused(this ILogger logger, Guid gatewayId, FlexPayOutcome outcome, string error);

    [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "Gateway {GatewayId}: an earlier create may have reached FlexPay; adopted its gateway {Token} instead of creating another.")]
    public static partial void Adopted(this ILogger logger, Guid gatewayId, string token);

    [LoggerMessage(EventId = 206, Level = LogLevel.Debug, Message = "Gateway {GatewayId} is held by another sync run until {Until:O}.")]
    public static partial void Held(this ILogger logger, Guid gatewayId, DateTimeOffset until);

    [LoggerMessage(EventId = 207, Level = LogLevel.Information, Message = "Rescheduled {Count} pending gateway syncs.")]
    public static partial void Rescheduled(this ILogger logger, int count);

    [LoggerMessage(EventId = 210, Level = LogLevel.Information, Message = "Gateway reconcile: {Drifts} drifts, {Errors} accounts not checked.")]
    public static partial void Reconciled(this ILogger logger, int drifts, int errors);

    [LoggerMessage(EventId = 211, Level = LogLevel.Warning, Message = "Gateway drift ({Kind}) in company {Company}: {Description}")]
    public static partial void Drift(this ILogger logger, GatewayDriftKind kind, string company, string description);

    [LoggerMessage(EventId = 212, Level = LogLevel.Information, Message = "Gateway reconcile: a gateway changed while it was compared; its drift is recorded at the next reconcile.")]
    public static partial void DriftNotRecorded(this ILogger logger);
}
