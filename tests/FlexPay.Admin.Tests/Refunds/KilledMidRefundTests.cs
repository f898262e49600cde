using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Admin.Tests.Reliability;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FlexPay.Admin.Tests.Refunds;

/// <summary>
/// The console is killed (SIGKILL) after FlexPay made the refund and before the console heard of it; restarted, it
/// gets the billing system's retry under the same key. The customer is refunded once.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class KilledMidRefundTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("flexpay-refund-kill-").FullName;
    private readonly string[] _settings = ["--Recovery:FirstRetryDelay=00:00:01", "--Scheduler:PollingInterval=00:00:00.100"];
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(retryDelay: TimeSpan.FromSeconds(3));

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_console_killed_between_flexpays_approval_and_its_write_refunds_once_when_the_caller_retries()
    {
        var key = "billing-" + Guid.NewGuid().ToString("N");
        var body = new JsonObject { ["amount"] = 1000, ["reason"] = "Killed mid-refund" };
        string id;
        await using (var first = await ConsoleProcess.StartAsync(_sandbox, _data, _settings))
        {
            id = await RefundLedger.RecoveredChainAsync(first.Api);
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _sandbox.OnRefundAnswered = _ =>
            {
                first.Kill();
                killed.TrySetResult();
            };
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => RefundProcesses.PostAsync(first.Api, id, key, body));
            await killed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await first.WaitForExitAsync();
            _sandbox.OnRefundAnswered = null;
        }
        var atKill = await StoredRefundsAsync();
        output.WriteLine("At the kill: " + string.Join(", ", atKill.Select(r => $"{r.MerchantTransactionId} {r.Status}")));

        await using var second = await ConsoleProcess.StartAsync(_sandbox, _data, _settings);
        using var retried = await RefundProcesses.RetryUntilAnsweredAsync(second.Api, id, key, body);
        output.WriteLine($"Retry after the restart: {(int)retried.StatusCode} {await retried.Content.ReadAsStringAsync()}");
        var refunds = await _sandbox.ApprovedRefundsAsync();
        output.WriteLine("Sandbox: " + RefundLedger.Describe(refunds));

        Assert.Equal(RefundStatus.Sending, Assert.Single(atKill).Status);
        Assert.Single(refunds);
        var answer = (await retried.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Approved", (string?)answer["status"]);
        Assert.Equal(atKill[0].Id.ToString(), (string?)answer["id"]);
        var shown = Assert.Single((await RefundLedger.ChainAsync(second.Api, id))["refunds"]!.AsArray());
        Assert.Equal((string?)refunds[0]["merchantTransactionId"], (string?)shown!["merchantTransactionId"]);
    }

    private async Task<IReadOnlyList<Refund>> StoredRefundsAsync()
    {
        var path = Path.Combine(_data, StorageOptions.DatabaseFileName);
        await using var db = new FlexPayDbContext(new DbContextOptionsBuilder<FlexPayDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
        return await db.Refunds.AsNoTracking().ToListAsync();
    }
}
