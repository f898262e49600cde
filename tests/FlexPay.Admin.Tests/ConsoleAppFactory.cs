using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FlexPay.Admin.Tests;

/// <summary>
/// The console as it runs for real: Kestrel on a free port, Hangfire, the embedded FlexPay sandbox
/// (reached over HTTP), a fresh SQLite database, and retry delays of a second.
/// </summary>
public class ConsoleAppFactory : WebApplicationFactory<Program>
{
    public const string IntakeKey = "test-intake-key";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("flexpay-admin-").FullName;

    public ConsoleAppFactory()
    {
        UseKestrel(0);
        StartServer();
    }

    /// <summary>A client for the intake API, with the key.</summary>
    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", IntakeKey);
        return client;
    }

    public async Task<IReadOnlyList<JsonObject>> SandboxLogAsync()
    {
        using var client = CreateClient();
        return [.. (await client.GetFromJsonAsync<JsonArray>("/sandbox/_log"))!.Select(e => e!.AsObject())];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Intake:ApiKeys:0", IntakeKey);
        builder.UseSetting("Sandbox:RetryDelay", "00:00:01");
        builder.UseSetting("Recovery:FirstRetryDelay", "00:00:01");
        builder.UseSetting("Scheduler:PollingInterval", "00:00:00.100");
        builder.UseSetting("Certification:AnswerGrace", "00:03:00");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
