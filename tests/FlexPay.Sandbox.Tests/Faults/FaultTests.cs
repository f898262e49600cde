using System.Net;
using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Tests.Faults;

public abstract class FaultTest : SandboxTest
{
    protected async Task SetFaultsAsync(JsonObject settings)
    {
        var (status, body) = await SendAsync(HttpMethod.Put, "_faults", settings);
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
    }

    protected async Task<JsonNode?> FindAsync(string merchantTransactionId)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"v1/transactions/byMerchantTransactionId/{merchantTransactionId}");
        return status == HttpStatusCode.OK ? body!["transaction"] : null;
    }

    /// <summary>Polls the log (bounded) until the first entry satisfies <paramref name="done"/>.</summary>
    protected async Task<JsonNode> WaitForLogAsync(Func<JsonNode, bool> done)
    {
        for (var i = 0; i < 500; i++)
        {
            var log = await LogAsync();
            if (log.Count > 0 && done(log[0]!))
            {
                return log[0]!;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException("The log never showed the expected entry.");
    }
}

public sealed class Faults_are_off_by_default_and_changeable_at_run_time : FaultTest
{
    [Fact]
    public async Task Get_shows_the_settings_put_changed()
    {
        var before = await GetAsync("_faults");

        await SetFaultsAsync(new JsonObject { ["serverErrorRate"] = 0.25, ["timeoutDelay"] = "00:00:30" });
        var after = await GetAsync("_faults");

        Assert.Equal(0, (double)before!["serverErrorRate"]!);
        Assert.Equal("00:02:00", (string?)before["timeoutDelay"]);
        Assert.Equal(0.25, (double)after!["serverErrorRate"]!);
        Assert.Equal(0, (double)after["dropRate"]!);
        Assert.Equal("00:00:30", (string?)after["timeoutDelay"]);
    }

    [Fact]
    public async Task Rates_out_of_range_are_400()
    {
        var (status, _) = await SendAsync(HttpMethod.Put, "_faults", new JsonObject { ["dropRate"] = 1.5 });

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task An_outage_period_ends_when_the_rate_is_set_back()
    {
        await SetFaultsAsync(new JsonObject { ["serverErrorRate"] = 1 });
        var (during, _) = await SendAsync(HttpMethod.Post, "v1/gateways/charge", new JsonObject { ["transaction"] = Build.Charge() });
        await SetFaultsAsync(new JsonObject { ["serverErrorRate"] = 0 });

        var after = await ChargeAsync(Build.Charge());

        Assert.Equal(HttpStatusCode.InternalServerError, during);
        Assert.Equal("10000", after.Code());
    }
}

public sealed class Server_error_fault_answers_500_without_processing : FaultTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sandbox:Faults:ServerErrorRate"] = "1",
    };

    [Fact]
    public async Task Charge_is_500_and_not_recorded()
    {
        var request = Build.Charge();

        var (status, body) = await SendAsync(HttpMethod.Post, "v1/gateways/charge", new JsonObject { ["transaction"] = request });
        var health = await GetAsync("api/test");
        await SetFaultsAsync(new JsonObject { ["serverErrorRate"] = 0 });

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.False(string.IsNullOrEmpty((string?)body!["message"]));
        Assert.NotNull(health!["message"]);
        Assert.Null(await FindAsync((string)request["merchantTransactionId"]!));
        var entry = (await LogAsync())[0]!;
        Assert.Equal("serverError", (string?)entry["fault"]);
        Assert.Equal(500, (int)entry["httpStatus"]!);
        Assert.Null(entry["transactionId"]);
    }
}

public sealed class Timeout_fault_processes_after_the_delay : FaultTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sandbox:Faults:TimeoutRate"] = "1",
        ["Sandbox:Faults:TimeoutDelay"] = "00:02:00",
    };

    [Fact]
    public async Task Charge_is_recorded_only_when_the_fake_clock_passes_the_delay()
    {
        var request = Build.Charge();
        var pending = ChargeAsync(request);
        await WaitForLogAsync(e => (string?)e["fault"] == "timeout");
        await SetFaultsAsync(new JsonObject { ["timeoutRate"] = 0 });

        var before = await FindAsync((string)request["merchantTransactionId"]!);
        for (var i = 0; i < 100 && !pending.IsCompleted; i++)
        {
            Sandbox.Clock.Advance(TimeSpan.FromMinutes(2));
            await Task.WhenAny(pending, Task.Delay(50));
        }
        var answer = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(before);
        Assert.Equal("10000", answer.Code());
        Assert.True(DateTimeOffset.Parse((string)answer["transactionDate"]!, System.Globalization.CultureInfo.InvariantCulture)
            >= SandboxHost.Start.AddMinutes(2));
        Assert.NotNull(await FindAsync((string)request["merchantTransactionId"]!));
    }

    [Fact]
    public async Task Client_that_gives_up_during_the_delay_still_gets_charged()
    {
        var request = Build.Charge();
        using var cancel = new CancellationTokenSource();
        var pending = Client.PostAsync("v1/gateways/charge",
            new StringContent(new JsonObject { ["transaction"] = request }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            cancel.Token);
        await WaitForLogAsync(e => (string?)e["fault"] == "timeout");
        await SetFaultsAsync(new JsonObject { ["timeoutRate"] = 0 });
        var before = await FindAsync((string)request["merchantTransactionId"]!);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await WaitForLogAsync(e => e["httpStatus"] is not null);

        Assert.Null(before);
        Assert.Equal("10000", (await FindAsync((string)request["merchantTransactionId"]!))!.Code());
    }
}

public sealed class Drop_fault_processes_the_charge_but_aborts_the_connection : FaultTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sandbox:Faults:DropRate"] = "1",
    };

    [Fact]
    public async Task Client_sees_an_error_yet_the_charge_happened()
    {
        var request = Build.Charge();

        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(
            HttpMethod.Post, "v1/gateways/charge", new JsonObject { ["transaction"] = request }));
        await SetFaultsAsync(new JsonObject { ["dropRate"] = 0 });

        var found = await FindAsync((string)request["merchantTransactionId"]!);
        var entry = (await LogAsync())[0]!;
        Assert.Equal("10000", found!.Code());
        Assert.Equal("drop", (string?)entry["fault"]);
        Assert.Equal(found!.Id(), (string?)entry["transactionId"]);
    }
}

public sealed class Seeded_faults_are_reproducible : SandboxTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sandbox:Faults:ServerErrorRate"] = "0.5",
        ["Sandbox:Faults:Seed"] = "42",
    };

    private async Task<List<HttpStatusCode>> PatternAsync(HttpClient client)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await SendAsync(HttpMethod.Get, "v1/transactions", client: client)).Status);
        }
        return statuses;
    }

    [Fact]
    public async Task Two_emulators_with_the_same_seed_fail_the_same_requests()
    {
        await using var twin = await SandboxHost.StartAsync(Settings);

        var mine = await PatternAsync(Client);
        var theirs = await PatternAsync(twin.Client);

        Assert.Equal(mine, theirs);
        Assert.Contains(HttpStatusCode.OK, mine);
        Assert.Contains(HttpStatusCode.InternalServerError, mine);
    }
}
