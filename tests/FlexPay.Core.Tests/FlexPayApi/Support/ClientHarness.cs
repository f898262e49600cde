using FlexPay.Core.FlexPayApi;

namespace FlexPay.Core.Tests.FlexPayApi.Support;

/// <summary>The real client and authentication handler over a <see cref="StubTransport"/>, with a collecting logger.</summary>
internal sealed class ClientHarness : IDisposable
{
    public static readonly Uri BaseAddress = new("https://api.flexpay.test/v1/");

    public static readonly FlexPayApiKey Key = new("kIqCBL40PaoL2Tg28hUxVgtqKgYDTSLnl5J3iwptJHA=");

    private readonly HttpClient http;

    public ClientHarness(StubTransport transport, TimeSpan? timeout = null)
    {
        Transport = transport;
        http = new HttpClient(new FlexPayAuthenticationHandler { InnerHandler = transport })
        {
            BaseAddress = BaseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
        Client = new FlexPayClient(http, Logger);
    }

    public StubTransport Transport { get; }

    public CollectingLogger<FlexPayClient> Logger { get; } = new();

    public FlexPayClient Client { get; }

    public void Dispose() => http.Dispose();
}
