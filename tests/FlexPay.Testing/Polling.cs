using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FlexPay.Testing;

public static class Polling
{
    /// <summary>Reads the recovery until it is in <paramref name="state"/>; fails after the timeout with the last view.</summary>
    public static Task<JsonObject> WaitForStateAsync(this HttpClient api, string id, string state, TimeSpan? timeout = null) =>
        Eventually.ReturnsAsync(
            async () => (await api.GetFromJsonAsync<JsonObject>($"/api/v1/recoveries/{id}"))!,
            view => (string?)view["state"] == state,
            $"recovery {id} to reach {state}",
            timeout);
}
