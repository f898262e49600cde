using System.Net;
using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Tests.Inspection;

public sealed class Inspection_can_be_switched_off : SandboxTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sandbox:Inspection"] = "false",
    };

    [Theory]
    [InlineData("GET", "_log")]
    [InlineData("DELETE", "_log")]
    [InlineData("GET", "_faults")]
    [InlineData("PUT", "_faults")]
    public async Task Log_and_faults_are_not_there(string method, string path)
    {
        var (status, _) = await SendAsync(new HttpMethod(method), path, new JsonObject { ["serverErrorRate"] = 1 });

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task The_documented_api_stays()
    {
        var charge = await ChargeAsync(Build.Charge());
        var (listStatus, list) = await SendAsync(HttpMethod.Get, "v1/transactions");
        var (vaultStatus, _) = await SendAsync(HttpMethod.Get, "v1/paymentmethods");
        var health = await GetAsync("api/test");

        Assert.Equal("10000", charge.Code());
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Equal(charge.Id(), (string?)Assert.Single(list!["transactions"]!.AsArray())!["transactionId"]);
        Assert.Equal(HttpStatusCode.OK, vaultStatus);
        Assert.Equal("Your client successfully connects with FlexPay!", (string?)health!["message"]);
    }
}
