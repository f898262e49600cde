using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FlexPay.Testing;

/// <summary>
/// A throw-away PostgreSQL 15 server for the tests that run the console on PostgreSQL: a new cluster (<c>initdb</c>) in a temp
/// folder, started with <c>pg_ctl</c> on 127.0.0.1 and a free port, stopped and deleted by <see cref="DisposeAsync"/>. No test
/// depends on a system service. PostgreSQL refuses to run as root, so as root (CI, this machine) every PostgreSQL program runs
/// through <c>runuser</c> as the unprivileged user <see cref="ServerUser"/>, created with <c>useradd</c> when missing, who owns
/// the temp folder. One cluster serves a whole test assembly; each test class takes a database of its own
/// (<see cref="CreateDatabaseAsync"/>). A cluster whose test process died without stopping it is stopped and deleted by the
/// next start. <c>scripts/test</c> installs Debian's postgresql when <see cref="BinFolder"/> is missing.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string BinFolder = "/usr/lib/postgresql/15/bin";
    public const string ServerUser = "flexpay-pg";

    private const string FolderPrefix = "flexpay-pg-";
    private const string OwnerFileName = "owner.pid";

    private readonly string _root;
    private readonly int _port;

    private PostgresCluster(string root, int port)
    {
        _root = root;
        _port = port;
    }

    private string DataFolder => Path.Combine(_root, "data");

    /// <summary>
    /// Creates and starts a cluster; takes a few seconds (initdb without fsync). The tests' clusters do not make their
    /// commits durable; a benchmark's (<paramref name="durable"/>) does, as a production server would.
    /// </summary>
    public static async Task<PostgresCluster> StartAsync(bool durable = false)
    {
        if (!File.Exists(Path.Combine(BinFolder, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinFolder}/initdb is missing): run scripts/test, or apt-get install -y postgresql.");
        }
        await StopAbandonedAsync();
        var root = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(root, OwnerFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var cluster = new PostgresCluster(root, FreePort());
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                await EnsureServerUserAsync();
                await RunAsync("chown", ServerUser, root);
            }
            await PostgresAsync("initdb", "-D", cluster.DataFolder, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync");
            // Durability off for tests: a test database is thrown away, and fsync is what a two-core machine waits for most.
            var settings = $"-p {cluster._port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=400"
                + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            await PostgresAsync("pg_ctl", "-D", cluster.DataFolder, "-l", Path.Combine(root, "server.log"), "-w", "-o", settings, "start");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "flexpay_" + Guid.NewGuid().ToString("N");
        await PostgresAsync("createdb", "-h", "127.0.0.1", "-p", _port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", name);
        // Idle connections close within seconds: the hosts of finished tests would otherwise keep theirs open for minutes.
        return $"Host=127.0.0.1;Port={_port};Username=postgres;Database={name};Connection Idle Lifetime=5;Connection Pruning Interval=1";
    }

    /// <summary>CPU time the server's processes (the postmaster and its backends) have used so far, read from /proc.</summary>
    public TimeSpan ServerCpuTime()
    {
        var postmaster = File.ReadLines(Path.Combine(DataFolder, "postmaster.pid")).First().Trim();
        var ticks = 0L;
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            string[] fields;
            try
            {
                // After the command name in parentheses: state, ppid, …, utime, stime, cutime, cstime (fields 14 to 17 of the line).
                var line = File.ReadAllText(stat);
                fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            var pid = Path.GetFileName(Path.GetDirectoryName(stat))!;
            // utime and stime of each backend; the postmaster also counts its backends that exited (cutime, cstime).
            var own = pid == postmaster ? 4 : fields[1] == postmaster ? 2 : 0;
            ticks += fields.Skip(11).Take(own).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
        }
        // Linux counts process CPU in clock ticks of 1/100 s (USER_HZ).
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            await PostgresAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>
    /// Stops and deletes the clusters of test processes that died without disposing theirs (a hang killed by the runner):
    /// the server outlives its test process, and would hold its port and memory until the machine restarts.
    /// </summary>
    private static async Task StopAbandonedAsync()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFileName);
            if (File.Exists(owner) && int.TryParse(await File.ReadAllTextAsync(owner), CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
            {
                await new PostgresCluster(folder, port: 0).DisposeAsync();
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static Task PostgresAsync(string program, params string[] arguments)
    {
        var path = Path.Combine(BinFolder, program);
        return Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", ServerUser, "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private static async Task EnsureServerUserAsync()
    {
        if (await ExitCodeAsync("id", "-u", ServerUser) != 0)
        {
            await RunAsync("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ServerUser);
        }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var (exitCode, output) = await ExecuteAsync(program, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {exitCode}: {output}");
        }
    }

    private static async Task<int> ExitCodeAsync(string program, params string[] arguments) => (await ExecuteAsync(program, arguments)).ExitCode;

    private static async Task<(int ExitCode, string Output)> ExecuteAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
