using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Testing;
using Xunit.Abstractions;

namespace FlexPay.Admin.Tests.Reliability;

/// <summary>
/// Hundreds of malformed and hostile requests against the intake of a console process: none may reach a 5xx
/// or store a row, and each gets a 4xx problem document. A process of its own, not the in-process test host:
/// Hangfire keeps its storage in a process-wide static, so one more in-process console would share it with the
/// API tests' hosts and dispose it under them.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class HostileIntakeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("flexpay-hostile-").FullName;
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(retryDelay: TimeSpan.FromSeconds(3));

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Hostile_requests_get_a_4xx_problem_document_and_store_nothing()
    {
        var requests = HostileRequests.All().ToList();
        Assert.True(requests.Count >= 200, $"Only {requests.Count} hostile requests were generated.");
        await using var console = await ConsoleProcess.StartAsync(_sandbox, _data);

        var wrong = new List<string>();
        var statuses = new Dictionary<int, int>();
        foreach (var request in requests)
        {
            using var content = request.Content();
            using var response = await console.Api.PostAsync("api/v1/recoveries", content);
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
        Assert.Empty((await console.Api.GetFromJsonAsync<JsonArray>("api/v1/recoveries?limit=500"))!);
        Assert.Empty(await Recoveries.StoredAttemptsAsync(_data));
        Assert.DoesNotContain(await _sandbox.LogAsync(), SandboxServer.IsCharge);
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
