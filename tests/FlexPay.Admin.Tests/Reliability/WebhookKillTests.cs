using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlexPay.Core.Persistence;
using FlexPay.Core.Webhooks;
using FlexPay.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FlexPay.Admin.Tests.Reliability;

/// <summary>
/// The console is killed (SIGKILL) after its recoveries were committed Recovered and before their
/// <c>recovery.recovered</c> events reached the receiver (each post held unanswered until the console is dead), then
/// started again on the same database: every event emitted reaches the receiver, some of them twice (at least once:
/// the receiver deduplicates by id), none is lost. Development, so that the receiver may be plain http on 127.0.0.1;
/// its embedded sandbox dies with it, which is why every charge is over before the kill.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class WebhookKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Payments = 30;

    private static readonly string[] Settings =
    [
        "--Recovery:FirstRetryDelay=00:00:03", "--Scheduler:PollingInterval=00:00:00.100", "--Webhooks:PollInterval=00:00:00.200",
    ];

    private readonly string _data = Directory.CreateTempSubdirectory("flexpay-webhookkill-").FullName;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_console_killed_between_the_recoveries_and_their_deliveries_delivers_every_event_after_restart()
    {
        await using (var first = await ConsoleProcess.StartDevelopmentAsync(_data, Settings))
        {
            await RegisterEndpointAsync(first.Api);
            var dead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _receiver.BeforeAnswer = body => IsRecovered(body) ? dead.Task.WaitAsync(TimeSpan.FromSeconds(180)) : Task.CompletedTask;

            // 1000 is approved at the first retry: each chain ends Recovered while its recovered event cannot be delivered.
            var ids = await Recoveries.SubmitAsync(first.Api, Enumerable.Range(0, Payments).Select(_ => Recoveries.Payment(1000, DateTimeOffset.UtcNow)));
            await Recoveries.WaitUntilAllAsync(first.Api, ids, "Recovered", TimeSpan.FromMinutes(2));
            first.Kill();
            await first.WaitForExitAsync();
            dead.SetResult();
            _receiver.BeforeAnswer = null;
        }
        var atKill = await StoredAsync();
        output.WriteLine($"At the kill: {atKill}; posts received {_receiver.Posts.Count}");
        Assert.Equal(Payments, atKill.Events.Count(e => e.Type == WebhookEventTypes.RecoveryRecovered));
        Assert.DoesNotContain(atKill.Deliveries, d => d.Status == WebhookDeliveryStatus.Delivered && d.Event.Type == WebhookEventTypes.RecoveryRecovered);

        await using var second = await ConsoleProcess.StartDevelopmentAsync(_data, Settings);
        var stored = await Eventually.ReturnsAsync(
            StoredAsync, s => s.Deliveries.All(d => d.Status == WebhookDeliveryStatus.Delivered), "every delivery to be delivered", TimeSpan.FromMinutes(2));

        var posts = _receiver.Posts.ToList();
        var emitted = stored.Events.Select(e => e.Id).ToHashSet();
        var received = posts.Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("id").GetGuid()).ToList();
        var delivered = received.ToHashSet();
        var duplicated = received.Count - delivered.Count;
        var lost = emitted.Count(id => !delivered.Contains(id));
        output.WriteLine($"Events emitted {emitted.Count}, delivered {delivered.Count}, duplicated {duplicated}, lost {lost}, posts {posts.Count}");
        Assert.Equal(2 * Payments, emitted.Count);
        Assert.Equal(0, lost);
        Assert.Subset(emitted, delivered);
        Assert.All(posts, p => Assert.True(p.SignatureValid, p.Signature));
    }

    private async Task RegisterEndpointAsync(HttpClient api)
    {
        using var created = await api.PostAsJsonAsync(
            "api/v1/webhooks", new { url = _receiver.Url, events = new[] { WebhookEventTypes.RecoveryCreated, WebhookEventTypes.RecoveryRecovered } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        _receiver.Secret = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!;
    }

    private static bool IsRecovered(string body) => JsonDocument.Parse(body).RootElement.GetProperty("type").GetString() == WebhookEventTypes.RecoveryRecovered;

    /// <summary>The outbox as stored, read straight from the console's SQLite file.</summary>
    private async Task<Outbox> StoredAsync()
    {
        var path = Path.Combine(_data, StorageOptions.DatabaseFileName);
        await using var db = new FlexPayDbContext(new DbContextOptionsBuilder<FlexPayDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
        return new Outbox(await db.WebhookEvents.AsNoTracking().ToListAsync(), await db.WebhookDeliveries.AsNoTracking().Include(d => d.Event).ToListAsync());
    }

    private sealed record Outbox(IReadOnlyList<WebhookEvent> Events, IReadOnlyList<WebhookDelivery> Deliveries)
    {
        public override string ToString() =>
            $"{Events.Count} events ({string.Join(", ", Events.GroupBy(e => e.Type).Select(g => $"{g.Key} {g.Count()}"))}), deliveries "
            + string.Join(", ", Deliveries.GroupBy(d => (d.Event.Type, d.Status)).Select(g => $"{g.Key.Type} {g.Key.Status} {g.Count()}"));
    }
}
