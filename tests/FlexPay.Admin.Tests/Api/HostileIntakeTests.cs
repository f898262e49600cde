using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Admin.Tests.Reliability;
using FlexPay.Testing;
using Xunit.Abstractions;

namespace FlexPay.Admin.Tests.Api;

/// <summary>
/// Hundreds of malformed and hostile requests against the intake: none may reach a 5xx or store a row, and each
/// gets a 4xx problem document. A console of its own, so "nothing stored" covers every row of its database.
/// </summary>
public sealed class HostileIntakeTests(ConsoleAppFactory app, ITestOutputHelper output) : IClassFixture<ConsoleAppFactory>
{
    [Fact]
    public async Task Hostile_requests_get_a_4xx_problem_document_and_store_nothing()
    {
        var requests = HostileRequests.All().ToList();
        Assert.True(requests.Count >= 200, $"Only {requests.Count} hostile requests were generated.");
        using var api = app.CreateApiClient();

        var wrong = new List<string>();
        var statuses = new Dictionary<int, int>();
        foreach (var request in requests)
        {
            using var content = request.Content();
            using var response = await api.PostAsync("api/v1/recoveries", content);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (status is < 400 or >= 500 || mediaType != "application/problem+json")
            {
                wrong.Add($"{request.Label}: {status} {mediaType} {Truncate(await response.Content.ReadAsStringAsync())}");
            }
        }

        output.WriteLine($"{requests.Count} hostile requests: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}")));
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {requests.Count} were not answered with a 4xx problem document:\n" + string.Join('\n', wrong));
        Assert.Empty((await api.GetFromJsonAsync<JsonArray>("api/v1/recoveries?limit=500"))!);
        Assert.Empty(await Recoveries.StoredAttemptsAsync(app.DataDirectory));
        Assert.DoesNotContain(await app.SandboxLogAsync(), SandboxServer.IsCharge);
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
