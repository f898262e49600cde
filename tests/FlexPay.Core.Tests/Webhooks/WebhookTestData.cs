using FlexPay.Core.Persistence;
using FlexPay.Core.Secrets;
using FlexPay.Core.Tests.Recovery.Engine;
using FlexPay.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Tests.Webhooks;

/// <summary>Registers endpoints, reads the outbox of an engine harness and delivers it to a <see cref="RecordingReceiver"/>.</summary>
internal static class WebhookTestData
{
    public static async Task<WebhookEndpoint> RegisterAsync(IServiceProvider services, IReadOnlyList<string> events, string url = "https://billing.example.test/flexpay-events")
    {
        var result = await services.GetRequiredService<WebhookService>().CreateAsync(new WebhookDraft { Url = url, Events = events });
        Assert.True(result.IsValid, string.Join("; ", result.Validation.Errors));
        return result.Endpoint!;
    }

    public static async Task<List<WebhookEvent>> EventsAsync(IServiceProvider services, Guid subjectId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        return await db.WebhookEvents.Where(e => e.SubjectId == subjectId).OrderBy(e => e.Sequence).ToListAsync();
    }

    public static async Task<int> DeliveryCountAsync(IServiceProvider services, Guid endpointId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        return await db.WebhookDeliveries.CountAsync(d => d.EndpointId == endpointId);
    }

    /// <summary>The engine's dispatcher, posting to <paramref name="receiver"/> on the engine's fake clock.</summary>
    public static WebhookDispatcher Dispatcher(EngineHarness engine, RecordingReceiver receiver) => new(
        engine.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>(), receiver,
        engine.Services.GetRequiredKeyedService<ISecretProtector>(SecretKinds.WebhookSigningSecret),
        engine.Services.GetRequiredService<IOptions<WebhookOptions>>(), engine.Clock);

    /// <summary>Runs rounds until one finds nothing due now.</summary>
    public static async Task DrainAsync(this WebhookDispatcher dispatcher)
    {
        while (await dispatcher.DispatchDueAsync() > 0)
        {
        }
    }
}
