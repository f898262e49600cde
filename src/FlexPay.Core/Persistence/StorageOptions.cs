using System.Runtime.Versioning;
using Microsoft.Extensions.Configuration;

namespace FlexPay.Core.Persistence;

/// <summary>Which database engine holds the console's records (docs/decisions/014).</summary>
public enum StorageProvider
{
    /// <summary>One file in the data folder, one console process per folder: the embedded default.</summary>
    Sqlite,

    /// <summary>One PostgreSQL database (<c>ConnectionStrings:FlexPay</c>) shared by several console nodes.</summary>
    Postgres,
}

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The name under <c>ConnectionStrings</c> of the PostgreSQL database.</summary>
    public const string ConnectionStringName = "FlexPay";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The PostgreSQL connection string, from <c>ConnectionStrings:FlexPay</c> (never from this section).</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => Provider == StorageProvider.Postgres;

    /// <summary>The section as bound, with the connection string read from its usual place.</summary>
    public static StorageOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<StorageOptions>() ?? new StorageOptions();
        options.ConnectionString = configuration.GetConnectionString(ConnectionStringName);
        return options;
    }

    /// <summary>The app's data folder on SQLite: the database and the Data Protection key ring. Relative paths start at the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    public const string DatabaseFileName = "flexpay.db";

    /// <summary>Hangfire's own SQLite file: the timer's jobs and history, never our records (docs/decisions/010).</summary>
    public const string JobStorageFileName = "hangfire.db";

    /// <summary>The Data Protection key ring's folder, inside the data folder.</summary>
    public const string KeysFolderName = "keys";

    /// <summary>Only the console's own user may open the data folder, the key ring and the database.</summary>
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// The data folder as an absolute path, created if missing. On Unix it and its key ring folder are made 0700 and the
    /// database files 0600: SQLite creates its -wal and -shm files with the database file's mode, so the database is
    /// created here, empty and 0600, before SQLite first opens it.
    /// </summary>
    public string FullDataDirectory(string contentRootPath)
    {
        var path = Path.GetFullPath(DataDirectory, contentRootPath);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            RestrictToOwner(path);
        }
        return path;
    }

    /// <summary>Creates what is missing with owner-only modes and narrows what exists (an install from before kept 0755/0644).</summary>
    [UnsupportedOSPlatform("windows")]
    private static void RestrictToOwner(string path)
    {
        var keys = Path.Combine(path, KeysFolderName);
        foreach (var folder in (string[])[path, keys])
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
            File.SetUnixFileMode(folder, OwnerOnlyFolder);
        }
        foreach (var database in (string[])[Path.Combine(path, DatabaseFileName), Path.Combine(path, JobStorageFileName)])
        {
            if (!File.Exists(database))
            {
                new FileStream(database, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile }).Dispose();
            }
            foreach (var file in (string[])[database, database + "-wal", database + "-shm", database + "-journal"])
            {
                if (File.Exists(file))
                {
                    File.SetUnixFileMode(file, OwnerOnlyFile);
                }
            }
        }
    }
}
