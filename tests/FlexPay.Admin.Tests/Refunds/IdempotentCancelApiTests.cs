using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Testing;

namespace FlexPay.Admin.Tests.Refunds;

/// <summary>Cancelling a recovery under an Idempotency-Key: a retry gets the cancelled recovery, not a 409; another reason under the key is a 422.</summary>
public sealed class IdempotentCancelApiTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Fact]
    public async Task A_cancel_sent_again_with_its_key_gets_the_cancelled_recovery_instead_of_a_409()
    {
        using var api = app.CreateApiClient();
        var id = await api.SubmitAsync(Payloads.DeclinedPayment(2402));

        using var first = await CancelAsync(api, id, "key-cancel-1", "Customer left");
        using var again = await CancelAsync(api, id, "key-cancel-1", "Customer left");
        using var other = await CancelAsync(api, id, "key-cancel-1", "Another reason");
        using var unkeyed = await api.PostAsJsonAsync($"/api/v1/recoveries/{id}/cancel", new { reason = "Customer left" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal("Cancelled", (string?)(await again.Content.ReadFromJsonAsync<JsonObject>())!["state"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, unkeyed.StatusCode);
    }

    private static async Task<HttpResponseMessage> CancelAsync(HttpClient api, string id, string key, string reason)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/recoveries/{id}/cancel") { Content = JsonContent.Create(new { reason }) };
        request.Headers.Add("Idempotency-Key", key);
        return await api.SendAsync(request);
    }
}
