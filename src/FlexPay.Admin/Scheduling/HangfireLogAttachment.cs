namespace FlexPay.Admin.Scheduling;

/// <summary>This host's place in <see cref="HangfireLogBridge"/>: taken when Hangfire is configured, left when the host's services are disposed.</summary>
internal sealed class HangfireLogAttachment(ILoggerFactory loggerFactory) : IDisposable
{
    private readonly IDisposable attachment = HangfireLogBridge.Instance.Attach(loggerFactory);

    public void Dispose() => attachment.Dispose();
}
