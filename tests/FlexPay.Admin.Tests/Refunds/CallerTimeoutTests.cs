using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Admin.Tests.Reliability;
using FlexPay.Testing;
using Xunit.Abstractions;

namespace FlexPay.Admin.Tests.Refunds;

/// <summary>
/// The billing system's HTTP client gives up (2 s) while FlexPay holds the refund (3 s) and refunds anyway; it then
/// retries with the same Idempotency-Key, after a restart of the console too. The customer is refunded once.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class CallerTimeoutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("flexpay-refund-timeout-").FullName;
    private readonly string[] _settings = ["--Recovery:FirstRetryDelay=00:00:01", "--Scheduler:PollingInterval=00:00:00.100"];
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(retryDelay: TimeSpan.FromSeconds(3));

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_refund_the_caller_gave_up_on_and_retried_with_its_key_is_made_once()
    {
        var key = "billing-" + Guid.NewGuid().ToString("N");
        var body = new JsonObject { ["amount"] = 1000, ["reason"] = "Customer asked twice" };
        string id;
        await using (var first = await ConsoleProcess.StartAsync(_sandbox, _data, _settings))
        {
            id = await RefundLedger.RecoveredChainAsync(first.Api);
            await _sandbox.SetFaultsAsync(timeoutRate: 1, timeoutDelay: TimeSpan.FromSeconds(3));
            using (var impatient = first.CreateApiClient(TimeSpan.FromSeconds(2)))
            {
                await Assert.ThrowsAnyAsync<TaskCanceledException>(() => RefundProcesses.PostAsync(impatient, id, key, body));
            }
            await _sandbox.SetFaultsAsync();
            await Eventually.ReturnsAsync(_sandbox.ApprovedRefundsAsync, refunds => refunds.Count > 0, "FlexPay to refund");
            using var retried = await RefundProcesses.RetryUntilAnsweredAsync(first.Api, id, key, body);
            output.WriteLine($"Retry while the first console runs: {(int)retried.StatusCode} {await retried.Content.ReadAsStringAsync()}");
            first.Kill();
            await first.WaitForExitAsync();
        }

        await using var second = await ConsoleProcess.StartAsync(_sandbox, _data, _settings);
        using var afterRestart = await RefundProcesses.RetryUntilAnsweredAsync(second.Api, id, key, body);
        output.WriteLine($"Retry after the restart: {(int)afterRestart.StatusCode} {await afterRestart.Content.ReadAsStringAsync()}");
        var refunds = await _sandbox.ApprovedRefundsAsync();
        output.WriteLine("Sandbox: " + RefundLedger.Describe(refunds));

        Assert.Single(refunds);
        var chain = await RefundLedger.ChainAsync(second.Api, id);
        var shown = Assert.Single(chain["refunds"]!.AsArray());
        Assert.Equal("Approved", (string?)shown!["status"]);
        Assert.Equal((string?)refunds[0]["merchantTransactionId"], (string?)shown["merchantTransactionId"]);
        Assert.Equal((string?)shown["id"], (string?)(await afterRestart.Content.ReadFromJsonAsync<JsonObject>())!["id"]);
    }
}
