using FlexPay.Core.Persistence;
using FlexPay.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Tests.Webhooks;

/// <summary>Registers endpoints and reads the outbox of an engine harness.</summary>
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
}
