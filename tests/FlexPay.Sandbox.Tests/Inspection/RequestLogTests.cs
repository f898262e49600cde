using System.Net;
using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Tests.Inspection;

public sealed class Request_log_records_every_api_request : SandboxTest
{
    [Fact]
    public async Task Transaction_calls_are_logged_with_what_was_sent_and_answered()
    {
        var request = Build.Charge(2008).With("gatewayToken", null);
        var answer = await ChargeAsync(request);

        var entry = Assert.Single(await LogAsync())!;

        Assert.Equal("POST", (string?)entry["method"]);
        Assert.Equal("/v1/gateways/charge", (string?)entry["path"]);
        Assert.Equal(200, (int)entry["httpStatus"]!);
        Assert.Null(entry["fault"]);
        Assert.Equal((string?)request["merchantTransactionId"], (string?)entry["merchantTransactionId"]);
        Assert.Equal((string?)request["orderId"], (string?)entry["orderId"]);
        Assert.Equal(0, (long)entry["retryCount"]!);
        Assert.Null(entry["referenceData"]);
        Assert.Null(entry["gatewayToken"]);
        Assert.Equal(2008, (long)entry["amount"]!);
        Assert.Equal("USD", (string?)entry["currencyCode"]);
        Assert.Equal("20003", (string?)entry["responseCode"]);
        Assert.Equal(answer.RetryDate(), (string?)entry["retryDate"]);
        Assert.Equal(answer.ReferenceData(), (string?)entry["responseReferenceData"]);
        Assert.Equal(answer.Id(), (string?)entry["transactionId"]);
        Assert.True(DateTimeOffset.Parse((string)entry["receivedAt"]!, System.Globalization.CultureInfo.InvariantCulture) == SandboxHost.Start);
    }

    [Fact]
    public async Task Rejected_requests_are_logged_in_order_received()
    {
        using var anonymous = Sandbox.NewClient(null);
        await SendAsync(HttpMethod.Get, "v1/transactions", client: anonymous);
        await SendRawAsync(HttpMethod.Post, "v1/gateways/charge", "{oops");
        var retry = Build.Charge().With("retryCount", 3).With("referenceData", "AAAA");
        await ChargeAsync(retry);

        var log = await LogAsync();

        Assert.Equal([401, 400, 200], log.Select(e => (int)e!["httpStatus"]!));
        Assert.Equal("AAAA", (string?)log[2]!["referenceData"]);
        Assert.Equal(3, (long)log[2]!["retryCount"]!);
        Assert.Equal("50132", (string?)log[2]!["responseCode"]);
    }

    [Fact]
    public async Task Gateway_calls_are_logged_with_id_and_status_sent()
    {
        var id = await CreateGatewayAsync(Build.Gateway());
        await UpdateGatewayAsync(id, new JsonObject { ["status"] = "RefundOnly" });

        var log = await LogAsync();

        Assert.Equal(id, (string?)log[0]!["gatewayId"]);
        Assert.Equal(id, (string?)log[1]!["gatewayId"]);
        Assert.Equal("RefundOnly", (string?)log[1]!["gatewayStatus"]);
        Assert.Equal("PUT", (string?)log[1]!["method"]);
    }

    [Fact]
    public async Task Delete_clears_the_log_and_inspection_is_not_logged()
    {
        await ChargeAsync(Build.Charge());

        var (status, _) = await SendAsync(HttpMethod.Delete, "_log");
        await GetAsync("_faults");

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Empty(await LogAsync());
    }
}

public sealed class Request_log_keeps_only_the_latest_entries : SandboxTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sandbox:LogCapacity"] = "3",
    };

    [Fact]
    public async Task The_oldest_entries_make_room_for_new_ones()
    {
        var orders = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var request = Build.Charge();
            orders.Add((string)request["orderId"]!);
            await ChargeAsync(request);
        }

        var log = await LogAsync();

        Assert.Equal(orders[2..], log.Select(e => (string?)e!["orderId"]));
    }
}
