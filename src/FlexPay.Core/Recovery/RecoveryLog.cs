using FlexPay.Core.FlexPayApi;
using Microsoft.Extensions.Logging;

namespace FlexPay.Core.Recovery;

/// <summary>The recovery engine's log lines. No card data, keys or reference data ever appear here.</summary>
internal static partial class RecoveryLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Attempt {AttemptId} no longer exists; nothing to send.")]
    public static partial void AttemptMissing(this ILogger logger, Guid attemptId);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Attempt {MerchantTransactionId} is {Status}; nothing to do.")]
    public static partial void NothingToDo(this ILogger logger, string merchantTransactionId, AttemptStatus status);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Attempt {MerchantTransactionId} outcome unknown ({Outcome}); reconciling at {ReconcileAt:O}.")]
    public static partial void OutcomeUnknown(this ILogger logger, string merchantTransactionId, FlexPayOutcome outcome, DateTimeOffset reconcileAt);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Could not reconcile attempt {MerchantTransactionId} ({Outcome}); trying again at {RetryAt:O}.")]
    public static partial void ReconcileFailed(this ILogger logger, string merchantTransactionId, FlexPayOutcome outcome, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Reconciled attempt {MerchantTransactionId}: FlexPay had answered {ResponseCode}.")]
    public static partial void Reconciled(this ILogger logger, string merchantTransactionId, string? responseCode);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Attempt {MerchantTransactionId} (retry {RetryCount}) answered {ResponseCode}; chain {ChainId} is {State}.")]
    public static partial void Answered(this ILogger logger, string merchantTransactionId, int retryCount, string? responseCode, Guid chainId, ChainState state);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "The chain changed under us; leaving the attempt to whoever changed it.")]
    public static partial void LostClaim(this ILogger logger);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Refund {MerchantTransactionId} of chain {ChainId} answered {ResponseCode}: {Status}.")]
    public static partial void RefundAnswered(this ILogger logger, string merchantTransactionId, Guid chainId, string? responseCode, RefundStatus status);

    [LoggerMessage(EventId = 111, Level = LogLevel.Error, Message = "Sending refund {RefundId} failed; the stalled-work sweeper will resolve it.")]
    public static partial void RefundSendFailed(this ILogger logger, Exception exception, Guid refundId);

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "Recovery {ChainId} opened for order {OrderId}: retry {RetryCount} due {DueAt:O}.")]
    public static partial void ChainOpened(this ILogger logger, Guid chainId, string orderId, int retryCount, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "Vaulting the card for order {OrderId} failed: {Outcome} {Detail}.")]
    public static partial void VaultFailed(this ILogger logger, string? orderId, FlexPayOutcome outcome, string detail);

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Armed {Instants} due instants ({Interrupted} chains interrupted mid-send) and {Refunds} unresolved refunds.")]
    public static partial void Rescheduled(this ILogger logger, int instants, int interrupted, int refunds);

    [LoggerMessage(EventId = 140, Level = LogLevel.Debug, Message = "Window {Window} is already being dispatched by this process: its run looks again.")]
    public static partial void WindowAlreadyRunning(this ILogger logger, Dispatch.DueWindow window);

    [LoggerMessage(EventId = 141, Level = LogLevel.Information, Message = "Window {Window} done: {Sent} attempts sent.")]
    public static partial void WindowDone(this ILogger logger, Dispatch.DueWindow window, int sent);

    [LoggerMessage(EventId = 142, Level = LogLevel.Error, Message = "A batch of sends failed; its attempts stay Sending until the stalled-work sweeper checks them with FlexPay.")]
    public static partial void BatchFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 143, Level = LogLevel.Warning, Message = "Attempt {MerchantTransactionId} was due but could not be claimed: {Reason}")]
    public static partial void ClaimRefused(this ILogger logger, string merchantTransactionId, string reason);

    [LoggerMessage(EventId = 144, Level = LogLevel.Debug, Message = "Armed {Instants} due instants before {Until:O}.")]
    public static partial void Armed(this ILogger logger, int instants, DateTimeOffset until);

    [LoggerMessage(EventId = 145, Level = LogLevel.Trace, Message = "Window {Window} sleeps until {Until:O} or a signal.")]
    public static partial void WindowSleeps(this ILogger logger, Dispatch.DueWindow window, DateTimeOffset until);

    [LoggerMessage(EventId = 146, Level = LogLevel.Information, Message = "Attempt {MerchantTransactionId} waits instead of going out: {Reason}")]
    public static partial void AttemptWaits(this ILogger logger, string merchantTransactionId, string reason);

    [LoggerMessage(EventId = 147, Level = LogLevel.Information, Message = "{Count} waiting recoveries went on: what held them is back.")]
    public static partial void WaitingChainsWentOn(this ILogger logger, int count);

    [LoggerMessage(EventId = 148, Level = LogLevel.Debug, Message = "Waiting recoveries changed while they were let go on; the next sweep looks again.")]
    public static partial void WaitingChainsChanged(this ILogger logger);
}
