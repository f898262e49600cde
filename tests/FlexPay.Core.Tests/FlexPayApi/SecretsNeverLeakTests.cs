using System.Net;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi;

/// <summary>The key, the card number, the CVV and gateway credentials never reach a log, an exception or a ToString.</summary>
public sealed class SecretsNeverLeakTests
{
    private const string Cvv = "879";
    private const string GatewayPassword = "s3cr3t-gateway-password";

    [Fact]
    public async Task Logs_of_every_kind_of_call_hold_neither_the_key_nor_the_card()
    {
        var answers = new Queue<Func<HttpResponseMessage>>(
        [
            () => StubTransport.Response(HttpStatusCode.OK, WireSamples.SoftDecline2019),
            () => StubTransport.Response(HttpStatusCode.InternalServerError, "{\"message\":\"oops\"}"),
            () => throw new HttpRequestException("Connection reset"),
            () => StubTransport.Response(HttpStatusCode.OK, WireSamples.Gateway),
            () => StubTransport.Response(HttpStatusCode.OK, WireSamples.Approved2019),
        ]);
        using var harness = new ClientHarness(new StubTransport((_, _) => Task.FromResult(answers.Dequeue()())));
        var charge = FlexPayTestData.Charge(2008);

        var results = new List<object>
        {
            await harness.Client.ChargeAsync(ClientHarness.Key, charge),
            await harness.Client.AuthorizeAsync(ClientHarness.Key, charge),
            await harness.Client.ChargeAsync(ClientHarness.Key, charge),
            await harness.Client.CreateGatewayAsync(ClientHarness.Key, Gateway()),
            await harness.Client.CreatePaymentMethodAsync(ClientHarness.Key, new CreatePaymentMethodRequest { Card = FlexPayTestData.Visa() }),
        };

        Assert.Equal(5, harness.Logger.Lines.Count);
        Assert.Contains("gateways/charge", harness.Logger.AllText, StringComparison.Ordinal);
        Assert.Contains("SoftDeclineWithRetryDate", harness.Logger.AllText, StringComparison.Ordinal);
        Assert.Contains("20003", harness.Logger.AllText, StringComparison.Ordinal);
        AssertNoSecret(harness.Logger.AllText);
        AssertNoSecret(string.Join('\n', results.Select(r => r.ToString())));
    }

    [Fact]
    public void ToString_of_every_type_holding_a_secret_masks_it()
    {
        var key = ClientHarness.Key;
        var stored = new GatewayStoredCard { GatewayPaymentMethodId = "cus_SECRETTOKEN123", LastFourDigits = "9560" };
        var texts = new[]
        {
            key.ToString(),
            FlexPayTestData.Visa().ToString(),
            FlexPayTestData.Charge().ToString(),
            (FlexPayTestData.Charge() with { Card = null, GatewayCard = stored }).ToString(),
            new CreatePaymentMethodRequest { Card = FlexPayTestData.Visa() }.ToString(),
            Gateway().ToString(),
            new GatewayUpdate { Settings = Gateway().Settings }.ToString(),
            $"{key}",
        };

        Assert.Equal("FlexPayApiKey(****HA=)", key.ToString());
        Assert.Contains("****9560", FlexPayTestData.Visa().ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Cvv, FlexPayTestData.Visa().ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Cvv, FlexPayTestData.Charge().ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETTOKEN", stored.ToString(), StringComparison.Ordinal);
        Assert.All(texts, AssertNoSecret);
    }

    [Fact]
    public void A_short_key_shows_nothing_of_itself()
    {
        Assert.Equal("FlexPayApiKey(****)", new FlexPayApiKey("abc").ToString());
    }

    [Fact]
    public async Task A_request_without_a_key_fails_without_naming_any_key()
    {
        var transport = StubTransport.AnsweringJson("{}");
        using var http = new HttpClient(new FlexPayAuthenticationHandler { InnerHandler = transport }) { BaseAddress = ClientHarness.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "transactions/T1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => http.SendAsync(request));

        Assert.Contains("no API key", error.Message, StringComparison.Ordinal);
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task A_blank_key_is_refused_like_a_missing_one()
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson("{}"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client.GetTransactionAsync(new FlexPayApiKey("  "), "T1"));
        Assert.Empty(harness.Transport.Requests);
    }

    [Fact]
    public async Task A_failed_list_exception_holds_no_key()
    {
        using var harness = new ClientHarness(StubTransport.Answering(HttpStatusCode.Unauthorized, "{\"message\":\"bad key\"}"));

        var error = await Assert.ThrowsAsync<FlexPayException>(
            async () => await harness.Client.ListTransactionsAsync(ClientHarness.Key, new TransactionListQuery()).ToListAsync());

        AssertNoSecret(error.ToString());
        AssertNoSecret(harness.Logger.AllText);
    }

    private static GatewayDefinition Gateway() => new()
    {
        Name = "Main",
        GatewayType = "nmi",
        CurrencyCode = "USD",
        Settings = new Dictionary<string, string> { ["password"] = GatewayPassword },
    };

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(ClientHarness.Key.Value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientHarness.Key.Value[..20], text, StringComparison.Ordinal);
        Assert.DoesNotContain(FlexPayTestData.VisaNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain(FlexPayTestData.VisaNumber[..12], text, StringComparison.Ordinal);
        Assert.DoesNotContain($"Cvv = {Cvv}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayPassword, text, StringComparison.Ordinal);
    }
}
