using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Admin.Tests.Refunds;
using FlexPay.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace FlexPay.Admin.Tests.Reliability;

/// <summary>
/// Three console processes on one PostgreSQL database and one sandbox (docs/decisions/017). One node is killed
/// (SIGKILL) when a third of a burst's charges have arrived; the other two finish its work: every retry sent exactly
/// once and never early, none lost, the gateway created once at FlexPay, and refunds asked of two nodes at once made once.
/// </summary>
[Collection(PostgresServer.Collection)]
public sealed class NodeKillTests(PostgresServer postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Payments = 300;
    private const int Refunds = 30;

    /// <summary>The node killed mid-burst; the others are 1 and 3.</summary>
    private const int Victim = 2;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StalledGrace = TimeSpan.FromSeconds(2);

    /// <summary>Every payment's first retry falls due at one instant this long after its hand-over.</summary>
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);

    private readonly string _data = Directory.CreateTempSubdirectory("flexpay-nodes-").FullName;
    private readonly List<ConsoleProcess> _nodes = [];
    private SandboxServer _sandbox = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(retryDelay: TimeSpan.FromSeconds(3));
        _database = await postgres.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        await _sandbox.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_node_killed_mid_burst_leaves_its_work_to_the_others_and_every_retry_and_refund_happens_once()
    {
        // One after another: the first migrates, the others find nothing to do.
        foreach (var n in (int[])[1, 2, 3])
        {
            _nodes.Add(await ConsoleProcess.StartAsync(_sandbox, _data, Settings(n)));
        }
        var (first, victim, last) = (_nodes[0], _nodes[Victim - 1], _nodes[2]);
        await CreateGatewayAsync(first.Api);

        var declinedAt = DateTimeOffset.UtcNow;
        // Handed over to all three nodes; 1000 is approved at its first retry: one charge per payment.
        var ids = (await Task.WhenAll(_nodes.Select(node =>
            Recoveries.SubmitAsync(node.Api, Enumerable.Range(0, Payments / _nodes.Count).Select(_ => Recoveries.Payment(1000, declinedAt))))))
            .SelectMany(i => i).ToList();
        var submittedBy = DateTimeOffset.UtcNow;

        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _sandbox.OnCharge = n =>
        {
            if (n == Payments / 3)
            {
                victim.Kill();
                killed.TrySetResult();
            }
            // A FlexPay that takes a moment per charge: each node still has claims in flight when the kill lands.
            Thread.Sleep(20);
        };
        await killed.Task.WaitAsync(FirstRetryDelay + TimeSpan.FromSeconds(90));
        await victim.WaitForExitAsync();
        var sendingAtKill = await CountAsync("""SELECT count(*) FROM "Attempts" WHERE "Status" = 'Sending'""");

        IReadOnlyList<JsonObject> chains;
        try
        {
            chains = await Recoveries.WaitUntilAllAsync(last.Api, ids, "Recovered", TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException)
        {
            output.WriteLine($"Node 1 said:\n{first.RecentOutput}\nNode 3 said:\n{last.RecentOutput}");
            throw;
        }
        _sandbox.OnCharge = null;
        var ledger = new ChargeLedger(await _sandbox.ProcessedChargesAsync(), chains);
        // Taken over: answered only after the sweeper's lease (FlexPay's timeout and the grace) from their claim, checked with
        // FlexPay; resent: found missing there and sent again under the same id.
        var takenOver = await CountAsync($"""SELECT count(*) FROM "Attempts" WHERE "AnsweredAt" - "SentAt" >= {(Timeout + StalledGrace).Ticks}""");
        var resent = await CountAsync("""SELECT count(*) FROM "Attempts" WHERE "SendCount" > 1""");
        output.WriteLine($"Submitted {Payments} in {(submittedBy - declinedAt).TotalSeconds:0.0} s; Sending at the kill {sendingAtKill}, "
            + $"taken over after it {takenOver}, of which resent {resent}; {ledger}");
        ledger.AssertExactlyOnceAndNeverEarly();
        Assert.Equal(Payments, ledger.Sent);
        // The kill landed where this test is about: the dead node held claims, which the others took over.
        Assert.True(takenOver > 0, $"Expected claims of the killed node to be taken over; Sending at the kill {sendingAtKill}, taken over {takenOver}.");

        await RefundOnTwoNodesAtOnceAsync(first.Api, last.Api, ids.Take(Refunds).ToList());
        var log = await _sandbox.LogAsync();
        var refundsMade = log.Count(e => (string?)e["method"] == "POST" && ((string?)e["path"])!.EndsWith("/refund", StringComparison.Ordinal));
        var gatewaysCreated = log.Count(e => (string?)e["method"] == "POST" && ((string?)e["path"])!.EndsWith("/v1/gateways", StringComparison.Ordinal));
        output.WriteLine($"Refunds asked {2 * Refunds} times for {Refunds} recoveries, made {refundsMade}; gateways created {gatewaysCreated}");
        Assert.Equal(Refunds, refundsMade);
        Assert.Equal(1, gatewaysCreated);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// A burst-sized claim, a few sends per node, and a dead node's sends taken over within seconds: FlexPay's
    /// timeout and the sweeper's grace short, the sweeper every two seconds.
    /// </summary>
    private string[] Settings(int node) =>
    [
        "--Storage:Provider=Postgres", $"--ConnectionStrings:FlexPay={_database}", $"--Node:Name=node-{node}",
        $"--Recovery:FirstRetryDelay={FirstRetryDelay:c}", "--Scheduler:PollingInterval=00:00:00.100",
        "--Scheduler:ClaimBatchSize=25", "--Scheduler:MaxConcurrentSends=4",
        $"--FlexPay:Timeout={Timeout:c}", $"--Recovery:StalledGrace={StalledGrace:c}", "--Scheduler:SweepCron=*/2 * * * * *",
    ];

    private static async Task CreateGatewayAsync(HttpClient api)
    {
        using var created = await api.PostAsJsonAsync("api/v1/gateways", new
        {
            name = "MID-NODES",
            gatewayType = "flexpay_sandbox",
            merchantAccountReferenceId = "REF-NODES",
            currencyCode = "USD",
            acceptedCurrencyCodes = (string[])["USD"],
            weight = 1,
            acceptRetries = true,
            cvvRequired = false,
            approvedChargeOrCaptureRateFee = 2.5,
            credentials = new Dictionary<string, string> { ["username"] = "merchant", ["password"] = "sandbox-password" },
            enabled = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await Eventually.ReturnsAsync(
            () => api.GetFromJsonAsync<JsonObject>($"api/v1/gateways/{id}"),
            gateway => (string?)gateway!["sync"]!["state"] == "InSync",
            "the gateway to be created at FlexPay");
    }

    /// <summary>Each refund asked of two nodes at once under one Idempotency-Key, as a billing system retrying elsewhere would.</summary>
    private static async Task RefundOnTwoNodesAtOnceAsync(HttpClient one, HttpClient other, IReadOnlyList<string> chainIds)
    {
        var answers = await Task.WhenAll(chainIds.SelectMany(chainId =>
        {
            var key = "refund-" + chainId;
            var body = new JsonObject { ["reason"] = "Customer asked" };
            return new[] { one, other }.Select(api => RefundProcesses.RetryUntilAnsweredAsync(api, chainId, key, body));
        }));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
