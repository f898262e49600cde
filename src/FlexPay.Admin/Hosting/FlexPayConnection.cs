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
/// and the client reaches it over real HTTP, so the production code path is the one that runs. Outside
/// Development that fallback is refused unless <c>Sandbox:Embedded=true</c> asks for it, and even then its
/// diagnostic endpoints (<c>_log</c>, <c>_faults</c>) stay unmapped and every page says it is not FlexPay.
/// </summary>
internal static class FlexPayConnection
{
    public const string SandboxPrefix = "/sandbox";
    public const string BaseUrlSetting = $"{FlexPayOptions.SectionName}:{nameof(FlexPayOptions.BaseUrl)}";
    public const string EmbeddedSetting = "Sandbox:Embedded";

    private const string InspectionSetting = "Sandbox:Inspection";
    private const string NotListeningYet = "http://127.0.0.1:9";

    public static bool IsEmbedded(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration[BaseUrlSetting]);

    public static IHostApplicationBuilder AddFlexPayConnection(this IHostApplicationBuilder builder)
    {
        var outsideDevelopment = !builder.Environment.IsDevelopment();
        var embedded = IsEmbedded(builder.Configuration);
        builder.Services.AddSingleton(new EmbeddedSandboxWarning(embedded && outsideDevelopment));
        if (!embedded)
        {
            return builder.AddFlexPayCore(sp => sp.GetRequiredService<IOptions<FlexPayOptions>>().Value.BaseUrl!);
        }
        if (outsideDevelopment)
        {
            if (!builder.Configuration.GetValue<bool>(EmbeddedSetting))
            {
                builder.RefuseToStart(BaseUrlSetting,
                    "is not set, and outside Development the console does not fall back to its embedded FlexPay sandbox. Set it to "
                    + $"FlexPay's API root (e.g. https://api.flexpay.io/v1/), or set {EmbeddedSetting}=true to run against the emulator on purpose.");
            }
            else
            {
                builder.WarnAtStart(logger => HostingLog.EmbeddedSandboxOutsideDevelopment(logger, EmbeddedSetting));
            }
            // Whatever else says so: the request log and the fault switches are for developers' machines only.
            builder.Configuration.AddInMemoryCollection([new(InspectionSetting, "false")]);
        }
        builder.AddFlexPaySandbox();
        builder.Services.AddOptions<FlexPayOptions>().PostConfigure<IOptions<SandboxOptions>>((flexPay, sandbox) =>
            flexPay.ApiKey ??= sandbox.Value.ApiKeys[0]);
        return builder.AddFlexPayCore(EmbeddedSandboxAddress);
    }

    public static WebApplication MapEmbeddedSandbox(this WebApplication app)
    {
        if (!IsEmbedded(app.Configuration))
        {
            return app;
        }
        var sandbox = app.MapGroup(SandboxPrefix);
        sandbox.MapFlexPaySandbox();
        // Whatever the sandbox does not map (its _log and _faults outside Development) is not the console's pages either:
        // 404 for every method, not the page router's 405.
        sandbox.Map("{**path}", () => TypedResults.NotFound());
        return app;
    }

    private static Uri EmbeddedSandboxAddress(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        // Before the app listens there is no address yet. Nothing should call FlexPay then; if something does, the
        // discard port refuses the connection, which the client reports as unreachable instead of crashing start-up.
        var listening = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? NotListeningYet;
        var uri = new UriBuilder(listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }
        uri.Path = SandboxPrefix + "/v1/";
        return uri.Uri;
    }
}

/// <summary>Whether every page must say that payments go to the embedded emulator, not FlexPay (outside Development only).</summary>
public sealed record EmbeddedSandboxWarning(bool Show);
