namespace FlexPay.Core.FlexPayApi;

/// <summary>The <c>FlexPay</c> configuration section. The caller binds it; the client reads <see cref="Timeout"/>.</summary>
public sealed class FlexPayOptions
{
    public const string SectionName = "FlexPay";

    /// <summary>FlexPay's base address (e.g. <c>https://api.flexpay.io/v1/</c>); none means "use the local emulator".</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>A default key, for single-company set-ups and tools. Per-company keys are passed to each call.</summary>
    public string? ApiKey { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
