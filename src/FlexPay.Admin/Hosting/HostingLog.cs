namespace FlexPay.Admin.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "Payments go to the embedded FlexPay sandbox, not to FlexPay ({Setting}=true outside Development); its _log and _faults are not mapped")]
    public static partial void EmbeddedSandboxOutsideDevelopment(ILogger logger, string setting);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning,
        Message = "The Data Protection key ring in {Place} is not encrypted at rest ({Setting}=true): anyone with a copy of it can read the FlexPay keys and forge sign-in cookies")]
    public static partial void UnprotectedKeyRing(ILogger logger, string place, string setting);
}
