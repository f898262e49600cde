using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FlexPay.Admin.Tests.Refunds;

/// <summary>A billing system's refund requests to a console process, under an Idempotency-Key, retried as it is told to.</summary>
internal static class RefundProcesses
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient api, string chainId, string key, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/recoveries/{chainId}/refunds") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await api.SendAsync(request);
    }

    /// <summary>Sends the refund again until the answer is neither a 409 (another refund still waiting) nor a 202 (this one still waiting).</summary>
    public static async Task<HttpResponseMessage> RetryUntilAnsweredAsync(HttpClient api, string chainId, string key, JsonObject body)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await PostAsync(api, chainId, key, body);
            if (response.StatusCode is not (HttpStatusCode.Conflict or HttpStatusCode.Accepted) || DateTimeOffset.UtcNow > deadline)
            {
                return response;
            }
            response.Dispose();
            await Task.Delay(500);
        }
    }
}
