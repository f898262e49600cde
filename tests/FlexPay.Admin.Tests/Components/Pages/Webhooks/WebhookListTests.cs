using System.Net;
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
using Microsoft.Extensions.Options;
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

    [Fact]
    public async Task A_deliverys_tries_open_under_it_with_the_receivers_answer()
    {
        var webhooks = Services.GetRequiredService<WebhookService>();
        var endpoint = (await webhooks.CreateAsync(new WebhookDraft { Url = "https://billing.example.com/hooks", Events = [WebhookEventTypes.RecoveryRecovered] })).Endpoint!;
        await webhooks.SendTestAsync(endpoint.Id);
        await Dispatcher(HttpStatusCode.ServiceUnavailable, "down for maintenance").DispatchDueAsync();
        var page = Render<WebhookList>();

        page.WaitForElement("[data-test=delivery-table] button[data-test=delivery-tries]").Click();

        page.WaitForAssertion(() =>
        {
            var tries = page.Find("[data-test=delivery-try-table]").TextContent;
            Assert.Contains("503", tries, StringComparison.Ordinal);
            Assert.Contains("down for maintenance", tries, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_deliveries_are_filtered_by_the_recovery_entered()
    {
        var webhooks = Services.GetRequiredService<WebhookService>();
        var endpoint = (await webhooks.CreateAsync(new WebhookDraft { Url = "https://billing.example.com/hooks", Events = [WebhookEventTypes.RecoveryRecovered] })).Endpoint!;
        await webhooks.SendTestAsync(endpoint.Id);
        var page = Render<WebhookList>();
        page.WaitForElement("[data-test=delivery-table] button[data-test=replay]");

        page.Find("input[data-test=delivery-recovery-filter]").Change(Guid.NewGuid().ToString());
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-test=delivery-table] button[data-test=replay]")));

        // A test event's subject is its endpoint.
        page.Find("input[data-test=delivery-recovery-filter]").Change(endpoint.Id.ToString());
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-test=delivery-table] button[data-test=replay]")));
    }

    private WebhookDispatcher Dispatcher(HttpStatusCode status, string answer) => new(
        Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>(), new AnsweringReceiver(status, answer),
        Services.GetRequiredKeyedService<ISecretProtector>(SecretKinds.WebhookSigningSecret),
        Services.GetRequiredService<IOptions<WebhookOptions>>(), Services.GetRequiredService<TimeProvider>());

    private FlexPayDbContext OpenDb() => new(new DbContextOptionsBuilder<FlexPayDbContext>().UseSqlite($"Data Source={_databasePath};Pooling=False").Options);

    private async Task<WebhookDeliveryStatus> StatusAsync(Guid deliveryId)
    {
        await using var db = OpenDb();
        return (await db.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId)).Status;
    }

    /// <summary>A receiver inside the HTTP client that answers every delivery the same.</summary>
    private sealed class AnsweringReceiver(HttpStatusCode status, string answer) : HttpMessageHandler, IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(answer) });
    }

    /// <summary>Stands in for Data Protection: what is stored differs from the secret and reads back to it.</summary>
    private sealed class ReversingProtector : ISecretProtector
    {
        public string Protect(string plaintext) => new([.. plaintext.Reverse()]);

        public string Unprotect(string protectedText) => new([.. protectedText.Reverse()]);
    }
}
