using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FlexPay.Sandbox.Tests;

/// <summary>The emulator on a real loopback port, with a fake clock and a client holding the development key.</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);
    public const string OtherKey = "b3RoZXItY29tcGFueS1rZXktMDAwMDAwMDAwMDAwMDA=";

    private readonly WebApplication app;

    private SandboxHost(WebApplication app, FakeTimeProvider clock, Uri address)
    {
        this.app = app;
        Clock = clock;
        Address = address;
        Client = NewClient(SandboxOptions.DevelopmentApiKey);
    }

    public FakeTimeProvider Clock { get; }
    public Uri Address { get; }
    public HttpClient Client { get; }

    /// <summary>Starts a host; <paramref name="settings"/> are configuration keys such as <c>Sandbox:RetryDelay</c>.</summary>
    public static async Task<SandboxHost> StartAsync(IDictionary<string, string?>? settings = null, string prefix = "")
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>
        {
            ["Sandbox:ApiKeys:0"] = SandboxOptions.DevelopmentApiKey,
            ["Sandbox:ApiKeys:1"] = OtherKey,
        });
        var clock = new FakeTimeProvider(Start);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddFlexPaySandbox();
        var app = builder.Build();
        app.MapFlexPaySandbox(prefix);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, clock, new Uri(address + prefix + "/"));
    }

    public HttpClient NewClient(string? apiKey, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = Address;
        // Roomy: a loaded 2-core machine can queue requests for a long time; each test still bounds its own wait.
        client.Timeout = TimeSpan.FromSeconds(120);
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", apiKey);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>A test class owns a fresh emulator per test, so no state leaks between tests.</summary>
public abstract class SandboxTest : IAsyncLifetime
{
    private SandboxHost? sandbox;

    protected SandboxHost Sandbox => sandbox ?? throw new InvalidOperationException("Not started.");
    protected HttpClient Client => Sandbox.Client;

    /// <summary>Configuration for the host; null keeps the default (the development key and <see cref="SandboxHost.OtherKey"/>).</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync() => sandbox = await SandboxHost.StartAsync(Settings);

    public async Task DisposeAsync()
    {
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }
    }

    protected Task<JsonNode> ChargeAsync(JsonObject transaction, HttpClient? client = null) =>
        TransactionAsync("v1/gateways/charge", transaction, client);

    protected Task<JsonNode> AuthorizeAsync(JsonObject transaction, HttpClient? client = null) =>
        TransactionAsync("v1/gateways/authorize", transaction, client);

    /// <summary>capture, void, refund or refundedpayment of <paramref name="transactionId"/>.</summary>
    protected Task<JsonNode> FollowUpAsync(string transactionId, string operation, JsonObject transaction, HttpClient? client = null) =>
        TransactionAsync($"v1/transactions/{transactionId}/{operation}", transaction, client);

    /// <summary>Business outcomes are always HTTP 200 with a transaction; anything else fails the test here.</summary>
    protected async Task<JsonNode> TransactionAsync(string path, JsonObject transaction, HttpClient? client = null)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, path, new JsonObject { ["transaction"] = transaction.DeepClone() }, client);
        Assert.True(status == HttpStatusCode.OK, $"HTTP {(int)status}: {body?.ToJsonString()}");
        return body!["transaction"]!;
    }

    protected Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(
        HttpMethod method, string path, JsonNode? body = null, HttpClient? client = null) =>
        SendRawAsync(method, path, body?.ToJsonString(), client);

    protected async Task<(HttpStatusCode Status, JsonNode? Body)> SendRawAsync(
        HttpMethod method, string path, string? body, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        using var response = await (client ?? Client).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    protected async Task<JsonNode?> GetAsync(string path, HttpClient? client = null) =>
        (await SendAsync(HttpMethod.Get, path, client: client)).Body;

    protected async Task<JsonArray> LogAsync() => (JsonArray)(await GetAsync("_log"))!;

    protected async Task<string> CreateGatewayAsync(JsonObject gateway, HttpClient? client = null)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "v1/gateways", new JsonObject { ["gateway"] = gateway.DeepClone() }, client);
        Assert.True(status == HttpStatusCode.OK, $"HTTP {(int)status}: {body?.ToJsonString()}");
        return (string)body!["gateway"]!["id"]!;
    }

    protected Task<(HttpStatusCode Status, JsonNode? Body)> UpdateGatewayAsync(string id, JsonObject changes) =>
        SendAsync(HttpMethod.Put, $"v1/gateways/{id}", new JsonObject { ["gateway"] = changes.DeepClone() });
}

/// <summary>Request bodies: valid by default, each with a fresh merchantTransactionId.</summary>
public static class Build
{
    public const string Visa = "4920201996449560";

    public static string NewId() => Guid.NewGuid().ToString("N");

    public static JsonObject Card(string pan = Visa) => new()
    {
        ["creditCardNumber"] = pan,
        ["expiryMonth"] = "07",
        ["expiryYear"] = "2024",
        ["cvv"] = "879",
        ["firstName"] = "John",
        ["lastName"] = "Doe",
        ["address1"] = "123 A St",
        ["postalCode"] = "84062",
        ["city"] = "Townsville",
        ["state"] = "UT",
        ["country"] = "US",
        ["email"] = "johndoe@example.com",
    };

    public static JsonObject Charge(long amount = 1000, string pan = Visa) => new()
    {
        ["merchantTransactionId"] = NewId(),
        ["orderId"] = "INV-" + NewId()[..8],
        ["customerId"] = "cust-8841",
        ["currencyCode"] = "USD",
        ["amount"] = amount,
        ["retainOnSuccess"] = false,
        ["paymentMethod"] = Card(pan),
        ["retryCount"] = 0,
    };

    /// <summary>The next attempt of the same payment: new id, same order, the previous response's referenceData.</summary>
    public static JsonObject Retry(JsonObject previousRequest, JsonNode previousResponse, long? amount = null)
    {
        var next = (JsonObject)previousRequest.DeepClone();
        next["merchantTransactionId"] = NewId();
        next["retryCount"] = long.Parse(previousRequest["retryCount"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) + 1;
        next["referenceData"] = (string?)previousResponse["referenceData"];
        if (amount is not null)
        {
            next["amount"] = amount;
        }
        return next;
    }

    public static JsonObject FollowUp(long? amount = null)
    {
        var body = new JsonObject { ["merchantTransactionId"] = NewId(), ["disableCustomerRecovery"] = false };
        if (amount is not null)
        {
            body["amount"] = amount;
        }
        return body;
    }

    public static JsonObject Gateway(string gatewayType = "nmi", string currency = "USD") => new()
    {
        ["name"] = "MID " + NewId()[..6],
        ["merchantAccountReferenceId"] = "MAR-" + NewId()[..6],
        ["gatewayType"] = gatewayType,
        ["currencyCode"] = currency,
        ["settings"] = new JsonObject { ["username"] = "merchant", ["password"] = "s3cr3t-value" },
    };

    /// <summary>Sets a member, or a nested one with a dotted path ("paymentMethod.cvv"); null removes it.</summary>
    public static JsonObject With(this JsonObject target, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var parent = target;
        foreach (var part in parts[..^1])
        {
            parent = (JsonObject)parent[part]!;
        }
        if (value is null)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = value;
        }
        return target;
    }
}

/// <summary>Reading a transaction answer.</summary>
public static class Answer
{
    public static string? Code(this JsonNode transaction) => (string?)transaction["responseCode"];

    public static int Status(this JsonNode transaction) => (int)transaction["transactionStatus"]!;

    public static string Id(this JsonNode transaction) => (string)transaction["transactionId"]!;

    public static string? RetryDate(this JsonNode transaction) => (string?)transaction["retryDate"];

    public static string? ReferenceData(this JsonNode transaction) => (string?)transaction["referenceData"];
}
