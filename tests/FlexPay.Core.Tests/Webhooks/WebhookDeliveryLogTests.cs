using System.Net;
using System.Text.Json;
using FlexPay.Core.Tests.Recovery.Engine;
using FlexPay.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Webhooks;

/// <summary>
/// The delivery log an Admin reads: every try of a delivery, the deliveries of one event type or one recovery, a resend
/// that sends the same event again, and a test event that reaches the receiver before any real one.
/// </summary>
public sealed class WebhookDeliveryLogTests : IAsyncLifetime
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

    private WebhookService Webhooks => _engine.Services.GetRequiredService<WebhookService>();

    [Fact]
    public async Task Every_try_is_kept_with_its_time_status_duration_and_the_first_kilobyte_of_the_answer()
    {
        var endpoint = await WebhookTestData.RegisterAsync(_engine.Services, [WebhookEventTypes.RecoveryCreated]);
        _receiver.Content = new string('x', 3000);
        var failures = 2;
        _receiver.Answer = _ => failures-- > 0 ? HttpStatusCode.InternalServerError : HttpStatusCode.Accepted;
        await _engine.SubmitAsync(Requests.Payment(1000));

        var times = new List<DateTimeOffset>();
        for (var round = 0; round < 3; round++)
        {
            times.Add(_engine.Clock.GetUtcNow());
            await _dispatcher.DrainAsync();
            _engine.Clock.Advance(new WebhookOptions().RetryDelay(round + 1, jitter: 1));
        }

        var delivery = Assert.Single(await Webhooks.DeliveriesAsync(endpoint.Id));
        var tries = await Webhooks.TriesAsync(endpoint.Id, delivery.Id);
        Assert.Equal([1, 2, 3], tries.Select(t => t.Number));
        Assert.Equal([500, 500, 202], tries.Select(t => t.StatusCode));
        Assert.Equal(times, tries.Select(t => t.At));
        Assert.All(tries, t => Assert.Equal(new string('x', WebhookDelivery.ResponseExcerptLength), t.Response));
        Assert.All(tries, t => Assert.True(t.DurationMs >= 0));
        Assert.Equal("HTTP 500", tries[0].Error);
        Assert.Null(tries[2].Error);
        Assert.Equal(WebhookDeliveryStatus.Delivered, delivery.Status);
    }

    [Fact]
    public async Task The_log_filters_by_event_type_and_by_recovery()
    {
        var endpoint = await WebhookTestData.RegisterAsync(_engine.Services, WebhookEventTypes.All);
        var recovered = (await _engine.SubmitAsync(Requests.Payment(1000))).Chain!.Id;
        var failed = (await _engine.SubmitAsync(Requests.Payment(3016))).Chain!.Id;
        await _engine.RunDueAsync();

        var ofType = await Webhooks.DeliveriesAsync(endpoint.Id, eventType: WebhookEventTypes.RecoveryRecovered);
        var ofRecovery = await Webhooks.DeliveriesAsync(endpoint.Id, recoveryId: failed);
        var both = await Webhooks.DeliveriesAsync(endpoint.Id, eventType: WebhookEventTypes.RecoveryCreated, recoveryId: recovered);

        Assert.Equal([recovered], ofType.Select(d => d.SubjectId));
        Assert.Equal(
            [WebhookEventTypes.RecoveryCreated, WebhookEventTypes.RecoveryAttemptDeclined, WebhookEventTypes.RecoveryFailed],
            ofRecovery.Select(d => d.Event.Type).Reverse());
        var createdOfRecovered = Assert.Single(both);
        Assert.Equal(recovered, createdOfRecovered.SubjectId);
        Assert.Equal(WebhookEventTypes.RecoveryCreated, createdOfRecovered.Event.Type);
    }

    [Fact]
    public async Task Resend_sends_the_same_event_again_and_adds_a_try()
    {
        var endpoint = await WebhookTestData.RegisterAsync(_engine.Services, [WebhookEventTypes.RecoveryCreated]);
        await _engine.SubmitAsync(Requests.Payment(1000));
        await _dispatcher.DrainAsync();
        var delivered = Assert.Single(await Webhooks.DeliveriesAsync(endpoint.Id));

        await Webhooks.ReplayAsync(endpoint.Id, delivered.Id);
        await _dispatcher.DrainAsync();

        Assert.Equal(2, _receiver.Requests.Count);
        Assert.Equal(_receiver.Requests[0].Body, _receiver.Requests[1].Body);
        Assert.Equal(2, (await Webhooks.TriesAsync(endpoint.Id, delivered.Id)).Count);
        Assert.Equal(WebhookDeliveryStatus.Delivered, Assert.Single(await Webhooks.DeliveriesAsync(endpoint.Id)).Status);
    }

    [Fact]
    public async Task A_test_event_reaches_only_its_endpoint_naming_it()
    {
        var endpoint = await WebhookTestData.RegisterAsync(_engine.Services, [WebhookEventTypes.RecoveryRecovered]);
        var other = await WebhookTestData.RegisterAsync(_engine.Services, [WebhookEventTypes.RecoveryRecovered], "https://other.example.test/hooks");

        await Webhooks.SendTestAsync(endpoint.Id);
        await _dispatcher.DrainAsync();

        using var body = JsonDocument.Parse(Assert.Single(_receiver.Requests).Body);
        Assert.Equal(WebhookEventTypes.Test, body.RootElement.GetProperty("type").GetString());
        Assert.Equal(endpoint.Id, body.RootElement.GetProperty("data").GetProperty("endpointId").GetGuid());
        Assert.Equal(WebhookDeliveryStatus.Delivered, Assert.Single(await Webhooks.DeliveriesAsync(endpoint.Id)).Status);
        Assert.Empty(await Webhooks.DeliveriesAsync(other.Id));
    }
}
