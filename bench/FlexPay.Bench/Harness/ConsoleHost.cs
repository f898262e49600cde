using FlexPay.Core.Webhooks;
using FlexPay.Sandbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlexPay.Bench.Harness;

/// <summary>
/// The real FlexPay Recovery Console (its Program, Hangfire, EF Core on a fresh SQLite file) on Kestrel,
/// in this process, pointed at a <see cref="SandboxHost"/> through <c>FlexPay:BaseUrl</c>. In-process so
/// the benchmark can seed its database and read the scheduler's services directly. Webhook endpoints may be plain http
/// to 127.0.0.1, where the benchmark's receiver listens (Production refuses that address otherwise).
/// </summary>
internal sealed class ConsoleHost : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ConsoleHost(SandboxHost sandbox, string dataDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        DataDirectory = dataDirectory;
        var all = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["FlexPay:BaseUrl"] = sandbox.ApiBase.AbsoluteUri,
            ["FlexPay:ApiKey"] = SandboxOptions.DevelopmentApiKey,
            ["Intake:ApiKeys:0"] = "bench-intake-key",
            // A throw-away data folder: its key ring need not be encrypted at rest.
            ["DataProtection:AllowUnprotectedKeys"] = "true",
            // Information lines for 10,000 retries would measure the console logger, not the scheduler.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:FlexPay.Core.Recovery.PendingWorkRescheduler"] = "Information",
            ["Logging:LogLevel:Hangfire"] = "Information",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        _settings = all;
        UseKestrel(0);
    }

    public string DataDirectory { get; }

    public LogCapture Log { get; } = new();

    public void Start() => StartServer();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(Path.Combine(ResultTable.RepositoryRoot(), "src", "FlexPay.Admin"));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.PostConfigure<WebhookOptions>(o => o.AllowLoopbackHttp = true));
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Log);
        });
    }
}
