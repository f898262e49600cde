using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlexPay.Testing;
using Microsoft.AspNetCore.Hosting;

namespace FlexPay.Admin.Tests.Webhooks;

/// <summary>The console as it runs: an endpoint registered over the API, events delivered over HTTP to a local receiver.</summary>
public sealed class WebhookDeliveryTests(WebhookDeliveryTests.QuickWebhooksConsole app) : IClassFixture<WebhookDeliveryTests.QuickWebhooksConsole>
{
    private static readonly string[] CreatedOnly = ["recovery.created"];

    /// <summary>Retries after 200 ms instead of 30 s, so a retry is seen in a test.</summary>
    public sealed class QuickWebhooksConsole : ConsoleAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Webhooks:FirstRetryDelay", "00:00:00.200");
            builder.UseSetting("Webhooks:PollInterval", "00:00:00.100");
        }
    }

    [Fact]
    public async Task A_recovery_reaches_the_receiver_signed_and_again_after_the_receiver_answered_500()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst = 1;
        using var api = app.CreateApiClient();
        using var created = await api.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events = CreatedOnly });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var endpoint = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        receiver.Secret = (string)endpoint["secret"]!;

        var recoveryId = await api.SubmitAsync(Payloads.DeclinedPayment(2008));

        var posts = await Eventually.ReturnsAsync(
            () => Task.FromResult(receiver.Posts.ToList()), p => p.Any(post => post.Status == 200), "the receiver to answer a delivery with 200");
        Assert.All(posts, p => Assert.True(p.SignatureValid, p.Signature));
        Assert.Equal([500, 200], posts.Select(p => p.Status));
        Assert.Equal(posts[0].Body, posts[1].Body);
        using var body = JsonDocument.Parse(posts[1].Body);
        Assert.Equal("recovery.created", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(recoveryId, body.RootElement.GetProperty("data").GetProperty("id").GetString());

        // The console records the answer after the receiver has sent it: wait for the log to say so.
        var deliveries = await Eventually.ReturnsAsync(
            async () => (await api.GetFromJsonAsync<JsonArray>($"/api/v1/webhooks/{endpoint["id"]}/deliveries"))!,
            log => log.Count == 1 && (string?)log[0]!["status"] == "Delivered", "the delivery log to show the delivery delivered");
        var delivery = deliveries[0]!;
        Assert.Equal(2, (int)delivery["attempts"]!);
        var tries = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/webhooks/{endpoint["id"]}/deliveries/{delivery["id"]}/tries"))!;
        Assert.Equal([500, 200], tries.Select(t => (int)t!["statusCode"]!));
        Assert.All(tries, t => Assert.NotNull((string?)t!["at"]));
    }

    [Theory]
    [InlineData("ftp://billing.example.com/hooks")]
    [InlineData("billing.example.com/hooks")]
    [InlineData("http://billing.example.com/hooks")]
    public async Task An_endpoint_url_that_is_not_absolute_https_is_refused_naming_the_field(string url)
    {
        using var api = app.CreateApiClient();

        using var response = await api.PostAsJsonAsync("/api/v1/webhooks", new { url, events = CreatedOnly });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]!["Url"]);
    }
}
