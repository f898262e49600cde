namespace FlexPay.Admin.Api;

internal static partial class ApiLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "API key refused: {Fingerprint} from {Address} for {Path}")]
    public static partial void KeyRefused(ILogger logger, string fingerprint, string address, string path);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "API key '{Name}' lacks the scope {Scope} for {Path}")]
    public static partial void ScopeMissing(ILogger logger, string name, string scope, string path);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning,
        Message = "Intake:ApiKeys holds a plain key ({Name}), which may do everything; plain keys are deprecated and will stop working in the next release: give it a Name, Key and Scopes")]
    public static partial void PlainKeyDeprecated(ILogger logger, string name);
}
