using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FlexPay.Admin.Tests;

/// <summary>
/// A database brought to the latest migration once per test run and copied into each new console's data folder:
/// every in-process console otherwise replayed every migration at its start (a few hundred milliseconds each, on
/// a loaded machine more). The console's own start-up still runs the migrator, which then finds nothing to do.
/// </summary>
internal static class MigratedDatabase
{
    private static readonly Lazy<string> Template = new(() => Task.Run(CreateTemplateAsync).GetAwaiter().GetResult());

    /// <summary>Puts a migrated database into <paramref name="dataDirectory"/> unless one is there already (a restart).</summary>
    public static void CopyTo(string dataDirectory)
    {
        var target = Path.Combine(dataDirectory, StorageOptions.DatabaseFileName);
        if (File.Exists(target))
        {
            return;
        }
        Directory.CreateDirectory(dataDirectory);
        File.Copy(Template.Value, target);
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("flexpay-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var path = Path.Combine(folder, StorageOptions.DatabaseFileName);
        // Pooling off, so the file is closed (and its write-ahead log folded in) once the migrator is done.
        var options = new DbContextOptionsBuilder<FlexPayDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        await new DatabaseMigrator(new PooledDbContextFactory<FlexPayDbContext>(options)).MigrateAsync();
        return path;
    }
}
