using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FlexPay.Testing;

public static class Polling
{
    /// <summary>Reads the recovery until it is in <paramref name="state"/>; fails after the timeout with the last view.</summary>
    public static async Task<JsonObject> WaitForStateAsync(this HttpClient api, string id, string state, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        JsonObject? view = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            view = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/recoveries/{id}"))!;
            if ((string?)view["state"] == state)
            {
                return view;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Recovery {id} did not reach {state}; last seen: {view?.ToJsonString()}");
    }
}
