using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FlexPay.Testing;

/// <summary>Setting up one of the merchant's gateways through the console's gateway API, as an administrator's script would.</summary>
public static class GatewayApi
{
    private static readonly TimeSpan SyncDeadline = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Creates an enabled gateway of the sandbox's own type taking <paramref name="currency"/>, waits until FlexPay has
    /// it, and returns its id and FlexPay token.
    /// </summary>
    public static async Task<(string Id, string Token)> CreateEnabledAsync(this HttpClient api, string name, string currency)
    {
        using var created = await api.PostAsJsonAsync("api/v1/gateways", new
        {
            name,
            gatewayType = "flexpay_sandbox",
            merchantAccountReferenceId = "REF-" + name,
            currencyCode = currency,
            acceptedCurrencyCodes = new[] { currency },
            weight = 1,
            acceptRetries = true,
            cvvRequired = false,
            approvedChargeOrCaptureRateFee = 2.5,
            credentials = new Dictionary<string, string> { ["apiKey"] = "key-" + name },
            enabled = true,
        });
        if (created.StatusCode != HttpStatusCode.Created)
        {
            throw new HttpRequestException($"Creating gateway {name} answered {created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        }
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var synced = await Eventually.ReturnsAsync(
            async () => (await api.GetFromJsonAsync<JsonObject>($"api/v1/gateways/{id}"))!,
            g => (string?)g["sync"]!["state"] == "InSync" && (string?)g["flexPayToken"] is not null,
            $"gateway {name} to be created at FlexPay",
            SyncDeadline);
        return (id, (string)synced["flexPayToken"]!);
    }
}
