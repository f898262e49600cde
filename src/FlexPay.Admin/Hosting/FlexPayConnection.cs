using FlexPay.Core;
using FlexPay.Core.FlexPayApi;
using FlexPay.Sandbox;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Hosting;

/// <summary>
/// Where FlexPay is. With <c>FlexPay:BaseUrl</c> configured, there (the real FlexPay, or a separately
/// started sandbox). Without it, the sandbox emulator is mapped under <c>/sandbox</c> on this very host
/// and the client reaches it over real HTTP, so the production code path is the one that runs.
/// </summary>
internal static class FlexPayConnection
{
    public const string SandboxPrefix = "/sandbox";

    public static bool IsEmbedded(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[$"{FlexPayOptions.SectionName}:{nameof(FlexPayOptions.BaseUrl)}"]);

    public static IHostApplicationBuilder AddFlexPayConnection(this IHostApplicationBuilder builder)
    {
        if (!IsEmbedded(builder.Configuration))
        {
            return builder.AddFlexPayCore(sp => sp.GetRequiredService<IOptions<FlexPayOptions>>().Value.BaseUrl!);
        }
        builder.AddFlexPaySandbox();
        builder.Services.AddOptions<FlexPayOptions>().PostConfigure<IOptions<SandboxOptions>>((flexPay, sandbox) =>
            flexPay.ApiKey ??= sandbox.Value.ApiKeys[0]);
        return builder.AddFlexPayCore(EmbeddedSandboxAddress);
    }

    public static WebApplication MapEmbeddedSandbox(this WebApplication app)
    {
        if (IsEmbedded(app.Configuration))
        {
            app.MapFlexPaySandbox(SandboxPrefix);
        }
        return app;
    }

    private static Uri EmbeddedSandboxAddress(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (addresses.Count == 0)
        {
            // A start-up service may need the client before Kestrel has bound: the configured URLs say where it will listen.
            addresses = (services.GetRequiredService<IConfiguration>()["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        var listening = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The app is not listening yet, so the embedded FlexPay sandbox cannot be reached.");
        var uri = new UriBuilder(listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }
        uri.Path = SandboxPrefix + "/v1/";
        return uri.Uri;
    }
}
