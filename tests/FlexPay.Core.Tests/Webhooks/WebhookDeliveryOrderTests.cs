using System.Net;
using System.Text.Json;
using FlexPay.Core.Recovery;
using FlexPay.Core.Tests.Recovery.Engine;
using FlexPay.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Webhooks;

/// <summary>One recovery's events reach an endpoint one at a time, in order; another recovery does not wait for it.</summary>
public sealed class WebhookDeliveryOrderTests : IAsyncLifetime
{
    private readonly RecordingReceiver _receiver = new();
    private EngineHarness _engine = null!;
    private WebhookDispatcher _dispatcher = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineHarness.StartAsync();
        _dispatcher = WebhookTestData.Dispatcher(_engine, _receiver);
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_failing_event_holds_back_its_recoverys_later_events_but_not_another_recoverys()
    {
        await WebhookTestData.RegisterAsync(_engine.Services, WebhookEventTypes.All);
        var stuck = (await _engine.SubmitAsync(Requests.Payment(1000))).Chain!.Id;
        var flowing = (await _engine.SubmitAsync(Requests.Payment(1001))).Chain!.Id;
        var receiverDown = true;
        _receiver.Answer = body => receiverDown && SubjectOf(body) == stuck ? HttpStatusCode.InternalServerError : HttpStatusCode.OK;
        await _engine.RunDueAsync();

        await _dispatcher.DrainAsync();
        List<(Guid, string)> expected =
            [(stuck, WebhookEventTypes.RecoveryCreated), (flowing, WebhookEventTypes.RecoveryCreated), (flowing, WebhookEventTypes.RecoveryRecovered)];
        Assert.Equal(expected.Order(), Sent().Order());

        receiverDown = false;
        _engine.Clock.Advance(new WebhookOptions().RetryDelay(1, jitter: 1));
        await _dispatcher.DrainAsync();

        var stuckSent = Sent().Where(s => s.Subject == stuck).Select(s => s.Type).ToList();
        Assert.Equal([WebhookEventTypes.RecoveryCreated, WebhookEventTypes.RecoveryCreated, WebhookEventTypes.RecoveryRecovered], stuckSent);
    }

    [Fact]
    public async Task Each_delivery_is_signed_with_the_endpoints_secret()
    {
        var created = await _engine.Services.GetRequiredService<WebhookService>()
            .CreateAsync(new WebhookDraft { Url = "https://billing.example.test/hooks", Events = [WebhookEventTypes.RecoveryCreated] });
        await _engine.SubmitAsync(Requests.Payment(1000));

        await _dispatcher.DrainAsync();

        var received = Assert.Single(_receiver.Requests);
        Assert.Equal(WebhookSignature.Header(received.Body, [created.Secret!], _engine.Clock.GetUtcNow()), received.Signature);
    }

    private List<(Guid Subject, string Type)> Sent() => [.. _receiver.Requests.Select(r => (SubjectOf(r.Body), TypeOf(r.Body)))];

    private static Guid SubjectOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("data").GetProperty("id").GetGuid();
    }

    private static string TypeOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("type").GetString()!;
    }
}
