using System.Net.Http.Headers;

namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// Signs each request with the key the client put in <see cref="HttpRequestMessage.Options"/>.
/// The key travels with the request, not with the handler, because every company has its own key
/// while all of them share one pooled <see cref="HttpClient"/>.
/// </summary>
public sealed class FlexPayAuthenticationHandler : DelegatingHandler
{
    /// <summary>Marks the one call that needs no key (the health check).</summary>
    internal static readonly HttpRequestOptionsKey<bool> Anonymous = new("FlexPay.Anonymous");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(FlexPayApiKey.RequestOption, out var key) && !string.IsNullOrWhiteSpace(key?.Value))
        {
            // FlexPay expects the issued key verbatim after "Basic ", not base64(user:password).
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", key.Value);
        }
        else if (!request.Options.TryGetValue(Anonymous, out var anonymous) || !anonymous)
        {
            throw new InvalidOperationException(
                $"A FlexPay request to {request.RequestUri} has no API key; set {nameof(FlexPayApiKey)}.{nameof(FlexPayApiKey.RequestOption)} on the request.");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
