using System.Diagnostics;
using FlexPay.Core.Persistence;
using FlexPay.Core.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Webhooks;

/// <summary>
/// One round of delivery: the due deliveries that are first in line for their recovery at their endpoint, sent in
/// parallel (bounded), each signed with the endpoint's valid secrets; a 2xx is delivered, anything else backs off.
/// A delivery is marked only after the receiver answered, so a crash mid-round sends it again: at least once.
/// </summary>
public sealed class WebhookDispatcher(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    IHttpClientFactory httpFactory,
    [FromKeyedServices(SecretKinds.WebhookSigningSecret)] ISecretProtector protector,
    IOptions<WebhookOptions> options,
    TimeProvider clock)
{
    public const string HttpClientName = "webhooks";

    private sealed record Answer(int? StatusCode, string? Error, TimeSpan Duration, string? Body)
    {
        public bool Succeeded => StatusCode is >= 200 and < 300;
    }

    /// <summary>Sends what is due now; returns how many deliveries were tried.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var pending = db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending);
        var due = await pending
            .Where(d => d.NextAttemptAt <= now)
            .Where(d => !pending.Any(earlier => earlier.EndpointId == d.EndpointId && earlier.SubjectId == d.SubjectId && earlier.Sequence < d.Sequence))
            .Where(d => db.WebhookEndpoints.Any(e => e.Id == d.EndpointId && e.Enabled))
            .OrderBy(d => d.NextAttemptAt)
            .Take(options.Value.BatchSize)
            .Include(d => d.Event)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var endpointIds = due.Select(d => d.EndpointId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var answers = new Answer[due.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, due.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelDeliveries, CancellationToken = ct },
            async (i, token) => answers[i] = await SendAsync(endpoints[due[i].EndpointId], due[i].Event, token));
        var answeredAt = clock.GetUtcNow();
        for (var i = 0; i < due.Count; i++)
        {
            var (delivery, answer, endpoint) = (due[i], answers[i], endpoints[due[i].EndpointId]);
            if (answer.Succeeded)
            {
                delivery.RecordSuccess(answer.StatusCode!.Value, answer.Duration, answer.Body, answeredAt);
                endpoint.ClearFlag();
            }
            else if (delivery.RecordFailure(answer.StatusCode, answer.Error ?? $"HTTP {answer.StatusCode}", answer.Duration, answer.Body, failures => options.Value.RetryDelay(failures, Random.Shared.NextDouble()), answeredAt))
            {
                endpoint.Flag(answeredAt);
            }
        }
        await db.SaveChangesAsync(CancellationToken.None);
        return due.Count;
    }

    private async Task<Answer> SendAsync(WebhookEndpoint endpoint, WebhookEvent webhookEvent, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        try
        {
            using var http = httpFactory.CreateClient(HttpClientName);
            http.Timeout = options.Value.Timeout;
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
            {
                Content = new StringContent(webhookEvent.Body, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation(
                WebhookSignature.HeaderName, WebhookSignature.Header(webhookEvent.Body, endpoint.SigningSecrets(protector, clock.GetUtcNow()), clock.GetUtcNow()));
            request.Headers.TryAddWithoutValidation("FlexPay-Console-Event-Id", webhookEvent.Id.ToString());
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var body = await ReadExcerptAsync(response, ct);
            return new((int)response.StatusCode, null, clock.GetElapsedTime(started), body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Security.Cryptography.CryptographicException && !ct.IsCancellationRequested)
        {
            var error = e is TaskCanceledException ? $"No answer within {options.Value.Timeout.TotalSeconds:0} s" : e.Message;
            return new(null, error, clock.GetElapsedTime(started), null);
        }
    }

    private static async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[WebhookDelivery.ResponseExcerptLength];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }
        return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }
}
