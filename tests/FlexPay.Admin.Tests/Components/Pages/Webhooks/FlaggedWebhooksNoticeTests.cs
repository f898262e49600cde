using Bunit;
using FlexPay.Admin.Components.Pages.Webhooks;
using FlexPay.Core.Persistence;
using FlexPay.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Components.Pages.Webhooks;

/// <summary>The dashboard's notice of endpoints whose deliveries gave up.</summary>
public sealed class FlaggedWebhooksNoticeTests : ComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"flexpay-flagged-{Guid.NewGuid():N}.db");

    public FlaggedWebhooksNoticeTests()
    {
        Services.AddDbContextFactory<FlexPayDbContext>(o => o.UseSqlite($"Data Source={_databasePath};Pooling=False"));
        using var db = OpenDb();
        db.Database.Migrate();
    }

    [Fact]
    public async Task Only_flagged_endpoints_are_named()
    {
        await using (var db = OpenDb())
        {
            var failing = WebhookEndpoint.Register(new Uri("https://failing.example.com/hooks"), WebhookEventTypes.All, null, "sealed", Now);
            db.WebhookEndpoints.AddRange(failing, WebhookEndpoint.Register(new Uri("https://fine.example.com/hooks"), WebhookEventTypes.All, null, "sealed", Now));
            await db.SaveChangesAsync();
            await db.WebhookEndpoints.Where(e => e.Id == failing.Id).ExecuteUpdateAsync(e => e.SetProperty(x => x.FlaggedAt, Now));
        }

        var notice = Render<FlaggedWebhooksNotice>();

        var text = notice.WaitForElement("[data-test=flagged-webhooks]").TextContent;
        Assert.Contains("https://failing.example.com/hooks", text, StringComparison.Ordinal);
        Assert.DoesNotContain("fine.example.com", text, StringComparison.Ordinal);
    }

    private FlexPayDbContext OpenDb() => new(new DbContextOptionsBuilder<FlexPayDbContext>().UseSqlite($"Data Source={_databasePath};Pooling=False").Options);
}
