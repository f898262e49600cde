using Microsoft.Extensions.Logging;

namespace FlexPay.Core.FlexPayApi;

internal static partial class FlexPayClientLog
{
    [LoggerMessage(EventId = 1, Message = "FlexPay {Method} {Path} -> {Outcome} (response code {ResponseCode}, HTTP {HttpStatus}) in {ElapsedMs} ms")]
    public static partial void Completed(
        ILogger logger, LogLevel level, string method, string path, string outcome, string? responseCode, int? httpStatus, long elapsedMs);
}
