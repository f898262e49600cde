using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.FlexPayApi;

public static class FlexPayServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FlexPayClient"/> as a typed HttpClient. The caller configures <see cref="FlexPayOptions"/>;
    /// <paramref name="baseAddress"/> is asked each time a client is created, so it can depend on the host's
    /// own address (the in-process emulator) or on configuration.
    /// </summary>
    public static IHttpClientBuilder AddFlexPayClient(this IServiceCollection services, Func<IServiceProvider, Uri> baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        services.AddOptions<FlexPayOptions>();
        services.AddTransient<FlexPayAuthenticationHandler>();
        return services
            .AddHttpClient<FlexPayClient>((sp, http) =>
            {
                http.BaseAddress = WithTrailingSlash(baseAddress(sp));
                http.Timeout = sp.GetRequiredService<IOptionsMonitor<FlexPayOptions>>().CurrentValue.Timeout;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            })
            .AddHttpMessageHandler<FlexPayAuthenticationHandler>()
            // The Authorization header carries the key: HttpClient's own logging prints no header value at all.
            .RedactLoggedHeaders(_ => true);
    }

    // Without the slash, relative paths would replace the last segment ("v1") instead of extending it.
    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
