using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace FlexPay.Admin.Tests;

/// <summary>
/// The whole Admin app on real Kestrel (a free port), so the embedded sandbox is reached over HTTP as in
/// production; a temporary data folder (database and key ring); every log line captured.
/// </summary>
public sealed class AdminApp : WebApplicationFactory<Program>
{
    public const string ApiKey = "admin-tests-key";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("flexpay-admin-").FullName;

    public AdminApp()
    {
        UseKestrel(0);
    }

    public LogCapture Logs { get; } = new();

    public string DataDirectory => _dataDirectory;

    /// <summary>Starts an app and returns it with a client that sends the API key.</summary>
    public static (AdminApp App, HttpClient Client) Start()
    {
        var app = new AdminApp();
        app.StartServer();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return (app, client);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Intake:ApiKeys:0", ApiKey);
        builder.UseSetting("Scheduler:PollingInterval", "00:00:00.050");
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddProvider(Logs);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the folder is in the temp directory anyway.
        }
    }

    public sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string AllText => string.Join('\n', _lines);

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                lines.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
            }
        }
    }
}
