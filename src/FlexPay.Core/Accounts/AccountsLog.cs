using Microsoft.Extensions.Logging;

namespace FlexPay.Core.Accounts;

/// <summary>Account log lines: the company and the masked hint, never a key.</summary>
internal static partial class AccountsLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "FlexPay account {Company} ({Mode}) added with key {KeyHint}.")]
    public static partial void AccountAdded(this ILogger logger, string company, FlexPayMode mode, string keyHint);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "FlexPay account {Company}: key replaced, now {KeyHint}.")]
    public static partial void KeyReplaced(this ILogger logger, string company, string keyHint);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "FlexPay account {Company} removed.")]
    public static partial void AccountRemoved(this ILogger logger, string company);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "No FlexPay account existed; created {Company} (Sandbox) from the configured key.")]
    public static partial void DefaultSeeded(this ILogger logger, string company);

    [LoggerMessage(EventId = 304, Level = LogLevel.Warning, Message = "The FlexPay API keys of {Companies} can no longer be decrypted (the key ring that protected them is gone); enter them again on Settings.")]
    public static partial void KeysNeedReentry(this ILogger logger, string companies);
}
