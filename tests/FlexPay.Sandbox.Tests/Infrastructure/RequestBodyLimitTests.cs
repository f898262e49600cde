using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Tests.Infrastructure;

/// <summary>A body that never tells its length, so HttpClient sends it chunked.</summary>
internal sealed class ChunkedContent(string text) : HttpContent
{
    private readonly byte[] bytes = Encoding.UTF8.GetBytes(text);

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

public sealed class Request_bodies_over_the_limit_are_refused : SandboxTest
{
    private const int Limit = 2048;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sandbox:MaxRequestBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A charge whose JSON is exactly <paramref name="size"/> bytes, padded in its description.</summary>
    private static string ChargeOfSize(int size)
    {
        var request = Build.Charge().With("description", "");
        var bare = new JsonObject { ["transaction"] = request.DeepClone() }.ToJsonString().Length;
        request["description"] = new string('x', size - bare);
        var json = new JsonObject { ["transaction"] = request }.ToJsonString();
        Assert.Equal(size, Encoding.UTF8.GetByteCount(json));
        return json;
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(413, (int)body["status"]!);
        Assert.Equal($"The request body must be at most {Limit} bytes.", (string?)body["message"]);
        Assert.Empty((await GetAsync("v1/transactions"))!["transactions"]!.AsArray());
    }

    [Fact]
    public async Task A_body_one_byte_over_is_413_and_not_processed()
    {
        using var response = await Client.PostAsync("v1/gateways/charge", new StringContent(ChargeOfSize(Limit + 1), Encoding.UTF8, "application/json"));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task A_chunked_body_is_counted_as_it_arrives()
    {
        using var content = new ChunkedContent(ChargeOfSize(Limit * 4));
        content.Headers.ContentType = new("application/json");

        using var response = await Client.PostAsync("v1/gateways/charge", content);

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task A_body_at_the_limit_is_processed()
    {
        using var response = await Client.PostAsync("v1/gateways/charge", new StringContent(ChargeOfSize(Limit), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single((await GetAsync("v1/transactions"))!["transactions"]!.AsArray());
    }

    [Fact]
    public async Task The_fault_switch_is_capped_too()
    {
        var (status, _) = await SendRawAsync(HttpMethod.Put, "_faults", "{\"serverErrorRate\":0" + new string(' ', Limit) + "}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }
}

public sealed class Request_bodies_are_capped_at_64_kilobytes_by_default : SandboxTest
{
    [Fact]
    public async Task A_body_of_64_kilobytes_and_one_byte_is_413()
    {
        var padding = new string(' ', 64 * 1024);

        var (status, _) = await SendRawAsync(HttpMethod.Post, "v1/gateways/charge", "{\"transaction\":{}" + padding + "}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task A_body_of_exactly_64_kilobytes_is_read()
    {
        var padding = new string(' ', (64 * 1024) - 18);

        var (status, answer) = await SendRawAsync(HttpMethod.Post, "v1/gateways/charge", "{\"transaction\":{}" + padding + "}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("50103", answer!["transaction"]!.Code());
    }
}
