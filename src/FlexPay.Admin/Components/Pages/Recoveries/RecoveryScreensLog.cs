using FlexPay.Core.Recovery;

namespace FlexPay.Admin.Components.Pages.Recoveries;

internal static partial class RecoveryScreensLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "{Actor} {Action} recovery {ChainId}")]
    public static partial void ChainChanged(ILogger logger, string actor, string action, Guid chainId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "{Actor} refunded {Amount} minor units of recovery {ChainId}: {Status}")]
    public static partial void Refunded(ILogger logger, string actor, long amount, Guid chainId, RefundStatus status);
}
