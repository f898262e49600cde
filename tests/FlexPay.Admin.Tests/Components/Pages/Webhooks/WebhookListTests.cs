using Bunit;
using FlexPay.Admin.Components.Pages.Webhooks;
using FlexPay.Admin.Components.Shared;
using FlexPay.Admin.Identity;
using FlexPay.Core.Persistence;
using FlexPay.Core.Secrets;
using FlexPay.Core.Webhooks;
using FlexPay.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace FlexPay.Admin.Tests.Components.Pages.Webhooks;

/// <summary>The Webhooks screen over a real (migrated) SQLite database and the real <see cref="WebhookService"/>; nothing is delivered.</summary>
public sealed class WebhookListTests : ComponentTest
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"flexpay-webhooks-{Guid.NewGuid():N}.db");

    public WebhookListTests()
    {
        this.SignInAs(Roles.Admin);
        Services.AddDbContextFactory<FlexPayDbContext>(o => o.UseSqlite($"Data Source={_databasePath};Pooling=False"));
        Services.AddOptions<WebhookOptions>();
        Services.AddSingleton<IValidator<WebhookDraft>, WebhookDraftValidator>();
        Services.AddKeyedSingleton<ISecretProtector>(SecretKinds.WebhookSigningSecret, new ReversingProtector());
        Services.AddSingleton<WebhookWakeUp>();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
        Services.AddTransient<WebhookService>();
        Services.AddAuditTrail();
        Services.AddScoped<ViewerBrowser>();
        using var db = OpenDb();
        db.Database.Migrate();
    }

    [Fact]
    public async Task A_new_webhook_shows_its_secret_once_and_stores_it_encrypted()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = Render<WebhookList>();

        page.Find("button[data-test=new-webhook]").Click();
        dialogs.WaitForElement("input[data-test=webhook-url]").Input("https://billing.example.com/flexpay-events");
        dialogs.Find("button[data-test=webhook-save]").Click();

        var shown = dialogs.WaitForElement("[data-test=webhook-secret]").TextContent;
        Assert.StartsWith("whsec_", shown, StringComparison.Ordinal);
        await using var db = OpenDb();
        var endpoint = await db.WebhookEndpoints.SingleAsync();
        Assert.NotEqual(shown, endpoint.ProtectedSecret);
        Assert.Equal(shown, new ReversingProtector().Unprotect(endpoint.ProtectedSecret));
        Assert.Equal(WebhookEventTypes.All, endpoint.Events);
        var audited = await db.AuditEntries.SingleAsync();
        Assert.Equal("webhook.create", audited.Action);
        Assert.DoesNotContain(shown, audited.Detail ?? "", StringComparison.Ordinal);

        dialogs.Find("button[data-test=secret-done]").Click();
        page.WaitForAssertion(() => Assert.Contains("https://billing.example.com/flexpay-events", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(shown, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resend_queues_a_failed_delivery_again()
    {
        var webhooks = Services.GetRequiredService<WebhookService>();
        var endpoint = (await webhooks.CreateAsync(new WebhookDraft { Url = "https://billing.example.com/hooks", Events = [WebhookEventTypes.RecoveryRecovered] })).Endpoint!;
        var test = await webhooks.SendTestAsync(endpoint.Id);
        await using (var db = OpenDb())
        {
            await db.WebhookDeliveries.Where(d => d.Id == test.Id).ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, WebhookDeliveryStatus.Failed));
        }
        var page = Render<WebhookList>();

        page.WaitForElement("[data-test=delivery-table] button[data-test=replay]").Click();

        await Eventually.ReturnsAsync(() => StatusAsync(test.Id), status => status == WebhookDeliveryStatus.Pending, "the test delivery to be pending");
        page.WaitForAssertion(() => Assert.Contains("Pending", page.Find("[data-test=delivery-table]").TextContent, StringComparison.Ordinal));
    }

    private FlexPayDbContext OpenDb() => new(new DbContextOptionsBuilder<FlexPayDbContext>().UseSqlite($"Data Source={_databasePath};Pooling=False").Options);

    private async Task<WebhookDeliveryStatus> StatusAsync(Guid deliveryId)
    {
        await using var db = OpenDb();
        return (await db.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId)).Status;
    }

    /// <summary>Stands in for Data Protection: what is stored differs from the secret and reads back to it.</summary>
    private sealed class ReversingProtector : ISecretProtector
    {
        public string Protect(string plaintext) => new([.. plaintext.Reverse()]);

        public string Unprotect(string protectedText) => new([.. protectedText.Reverse()]);
    }
}
