using System.Globalization;
using FlexPay.Core.Persistence;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Hosting;

/// <summary>
/// One console per SQLite data folder (on PostgreSQL nodes share the database, and no folder is locked). A second console on the same folder would take the first one's work for its
/// own crash recovery (refunds and gateways in flight sent again, attempts failing on concurrency), so the console
/// holds an exclusive OS lock on <c>console.lock</c> for as long as it runs and refuses to start while another
/// process holds it. The OS drops the lock when the process ends, however it ends (SIGKILL included), so a stale
/// lock file never blocks a restart. <c>console.pid</c> beside it names the holder for the refusal message.
/// </summary>
internal static class DataFolderLock
{
    public const string LockFileName = "console.lock";

    public const string PidFileName = "console.pid";

    /// <summary>
    /// Takes the lock for the life of <paramref name="app"/>, or writes the refusal to standard error (as the start-up
    /// checks do), sets exit code 1 and returns true when another process holds it.
    /// </summary>
    public static bool DataFolderTaken(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.IsPostgres)
        {
            // Several nodes on one PostgreSQL database is the point of that provider (docs/decisions/014).
            return false;
        }
        var folder = storage.FullDataDirectory(app.Environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        FileStream held;
        try
        {
            // FileShare.None is an exclusive flock on Linux and macOS and a share-mode lock on Windows.
            held = new FileStream(Path.Combine(folder, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            Console.Error.WriteLine(
                $"The FlexPay console does not start. Storage:DataDirectory: another console ({Holder(folder)}) is using the data folder {folder}; " +
                "one console per SQLite data folder. Stop it first, or give this one another folder.");
            Environment.ExitCode = 1;
            return true;
        }
        File.WriteAllText(Path.Combine(folder, PidFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        app.Lifetime.ApplicationStopped.Register(held.Dispose);
        return false;
    }

    private static string Holder(string folder)
    {
        try
        {
            return $"process {File.ReadAllText(Path.Combine(folder, PidFileName)).Trim()}";
        }
        catch (IOException)
        {
            return "process id unknown";
        }
    }
}
