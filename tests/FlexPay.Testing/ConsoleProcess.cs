using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FlexPay.Sandbox;

namespace FlexPay.Testing;

/// <summary>
/// The console as its own process: <c>dotnet FlexPay.Admin.dll</c>, as built, on a free port, with its
/// database in a data directory and FlexPay at a <see cref="SandboxServer"/>. It can be killed
/// (SIGKILL, no shutdown of any kind) and started again on the same database. In Production it runs as installed:
/// its key ring protected by a certificate, reached as if through a TLS-terminating proxy (<see cref="BehindTlsProxy"/>).
/// </summary>
public sealed class ConsoleProcess : IAsyncDisposable
{
    public const string IntakeKey = "reliability-intake-key";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private readonly bool _behindTlsProxy;

    private ConsoleProcess(Process process, Uri address, bool behindTlsProxy)
    {
        _process = process;
        _behindTlsProxy = behindTlsProxy;
        Address = address;
        Api = CreateApiClient(TimeSpan.FromSeconds(60));
    }

    public Uri Address { get; }

    /// <summary>The intake API, with the key.</summary>
    public HttpClient Api { get; }

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    /// <summary>Another client of the intake API, with the key, that gives up after <paramref name="timeout"/>: an impatient billing system.</summary>
    public HttpClient CreateApiClient(TimeSpan timeout)
    {
        var client = _behindTlsProxy ? new HttpClient(new BehindTlsProxy(keepCookies: false)) : new HttpClient();
        client.BaseAddress = Address;
        client.Timeout = timeout;
        client.DefaultRequestHeaders.Add("X-Api-Key", IntakeKey);
        return client;
    }

    /// <summary>The last lines the console wrote, for a failure message.</summary>
    public string RecentOutput => string.Join('\n', _output.TakeLast(40));

    /// <summary>
    /// Starts the console in Production, its key ring protected by a certificate kept in <paramref name="dataDirectory"/>.
    /// With no <paramref name="sandbox"/> it embeds its own, which Production allows only with <c>--Sandbox:Embedded=true</c>.
    /// </summary>
    public static Task<ConsoleProcess> StartAsync(SandboxServer? sandbox, string dataDirectory, params string[] settings) =>
        LaunchAsync("Production", sandbox, dataDirectory, [.. KeyRingCertificate.Settings(Path.Combine(dataDirectory, "key-ring.pfx")).AsArguments(), .. settings]);

    /// <summary>
    /// Runs the console in Production with exactly <paramref name="settings"/> (besides its address, data folder and
    /// logging) until it exits by itself; returns its exit code and what it wrote. For start-ups that must be refused.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(string dataDirectory, params string[] settings)
    {
        using var process = Process.Start(StartInfo("Production", FreePort(), dataDirectory, settings)) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The console was expected to refuse to start, but still ran after 90 s:\n{await output}");
        }
        return (process.ExitCode, await error + await output);
    }

    /// <summary>
    /// Starts the console as <c>dotnet run</c> does for a newcomer: Development, its own embedded sandbox, the
    /// administrator seeded from appsettings.Development.json.
    /// </summary>
    public static Task<ConsoleProcess> StartDevelopmentAsync(string dataDirectory, params string[] settings) =>
        LaunchAsync("Development", sandbox: null, dataDirectory, settings);

    /// <summary>What <see cref="StartAsync"/> passes a console in Production besides <paramref name="settings"/>: for a start-up expected to be refused.</summary>
    public static string[] ProductionSettings(SandboxServer sandbox, string dataDirectory, params string[] settings) =>
        [.. KeyRingCertificate.Settings(Path.Combine(dataDirectory, "key-ring.pfx")).AsArguments(), .. CommonSettings(sandbox, settings)];

    private static string[] CommonSettings(SandboxServer? sandbox, string[] settings) =>
    [
        .. sandbox is null ? (string[])[] : [$"--FlexPay:BaseUrl={sandbox.ApiBase}", $"--FlexPay:ApiKey={SandboxOptions.DevelopmentApiKey}"],
        .. IntakeKeys.Entry(0, "tests", IntakeKey, IntakeKeys.AllScopes).AsArguments(),
        .. settings,
    ];

    private static async Task<ConsoleProcess> LaunchAsync(string environment, SandboxServer? sandbox, string dataDirectory, string[] settings)
    {
        var port = FreePort();
        var all = CommonSettings(sandbox, settings);
        var process = Process.Start(StartInfo(environment, port, dataDirectory, all)) ?? throw new InvalidOperationException("dotnet did not start.");
        var console = new ConsoleProcess(process, new Uri($"http://127.0.0.1:{port}/"), behindTlsProxy: environment != "Development");
        process.OutputDataReceived += (_, e) => console.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => console.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await console.WaitUntilServingAsync();
        return console;
    }

    private static ProcessStartInfo StartInfo(string environment, int port, string dataDirectory, string[] settings)
    {
        var dll = AdminDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            dll,
            "--urls", $"http://127.0.0.1:{port}",
            $"--Storage:DataDirectory={dataDirectory}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            .. settings])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        return start;
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await WaitForExitAsync();
        Api.Dispose();
        _process.Dispose();
    }

    private async Task WaitUntilServingAsync()
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The console exited with {_process.ExitCode}:\n{RecentOutput}");
            }
            try
            {
                using var response = await Api.GetAsync("api/v1/recoveries?limit=1");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The console did not answer within 90 s:\n{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }

    /// <summary>The console as built with this test project: its own output folder, else the copy beside the tests.</summary>
    private static string AdminDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent?.Name ?? "Debug";
        for (var dir = testOutput; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "FlexPay.Admin", "bin", configuration, framework, "FlexPay.Admin.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "FlexPay.Admin.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
