using System.Net;
using System.Text.Json;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Secrets;
using FlexPay.Core.Tests.Recovery.Engine;
using FlexPay.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        var services = _engine.Services;
        _dispatcher = new WebhookDispatcher(
            services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>(), _receiver,
            services.GetRequiredKeyedService<ISecretProtector>(SecretKinds.WebhookSigningSecret),
            services.GetRequiredService<IOptions<WebhookOptions>>(), _engine.Clock);
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

        await DrainAsync();
        List<(Guid, string)> expected =
            [(stuck, WebhookEventTypes.RecoveryCreated), (flowing, WebhookEventTypes.RecoveryCreated), (flowing, WebhookEventTypes.RecoveryRecovered)];
        Assert.Equal(expected.Order(), Sent().Order());

        receiverDown = false;
        _engine.Clock.Advance(new WebhookOptions().RetryDelay(1, jitter: 1));
        await DrainAsync();

        var stuckSent = Sent().Where(s => s.Subject == stuck).Select(s => s.Type).ToList();
        Assert.Equal([WebhookEventTypes.RecoveryCreated, WebhookEventTypes.RecoveryCreated, WebhookEventTypes.RecoveryRecovered], stuckSent);
    }

    [Fact]
    public async Task Each_delivery_is_signed_with_the_endpoints_secret()
    {
        var created = await _engine.Services.GetRequiredService<WebhookService>()
            .CreateAsync(new WebhookDraft { Url = "https://billing.example.test/hooks", Events = [WebhookEventTypes.RecoveryCreated] });
        await _engine.SubmitAsync(Requests.Payment(1000));

        await DrainAsync();

        var received = Assert.Single(_receiver.Requests);
        Assert.Equal(WebhookSignature.Header(received.Body, [created.Secret!], _engine.Clock.GetUtcNow()), received.Signature);
    }

    /// <summary>Runs rounds until one finds nothing due now.</summary>
    private async Task DrainAsync()
    {
        while (await _dispatcher.DispatchDueAsync() > 0)
        {
        }
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
