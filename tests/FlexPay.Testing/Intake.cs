using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FlexPay.Testing;

/// <summary>Handing a payment to the console's intake API as the billing system does.</summary>
public static class Intake
{
    /// <summary>
    /// Submits one payment and returns its chain's id, sending it again after a 503 as the billing system is told to
    /// (a loaded machine can make the card's vaulting outlast a short FlexPay timeout). Fails on any other answer.
    /// </summary>
    public static async Task<string> SubmitAsync(this HttpClient api, JsonObject payload)
    {
        var response = await api.PostAsJsonAsync("api/v1/recoveries", payload);
        for (var retry = 0; retry < 5 && response.StatusCode == HttpStatusCode.ServiceUnavailable; retry++)
        {
            response.Dispose();
            response = await api.PostAsJsonAsync("api/v1/recoveries", payload);
        }
        using var answered = response;
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new HttpRequestException($"Intake answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }
}
