using System.Runtime.Versioning;
using FlexPay.Core.Persistence;

namespace FlexPay.Admin.Tests.Hosting;

/// <summary>Only the console's own user may read its data folder, its key ring and its database files (the console runs on Linux).</summary>
public sealed class DataFolderTests(DataFolderTests.FirstInstall app) : IClassFixture<DataFolderTests.FirstInstall>
{
    /// <summary>A console whose data folder it creates itself, as on a first install.</summary>
    public sealed class FirstInstall : ConsoleAppFactory
    {
        protected override bool StartsFromMigratedDatabase => false;
    }

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_data_folder_and_key_ring_are_0700_and_the_database_files_0600()
    {
        var database = Path.Combine(app.DataDirectory, StorageOptions.DatabaseFileName);

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(app.DataDirectory));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.Combine(app.DataDirectory, StorageOptions.KeysFolderName)));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(database));
        Assert.True(File.Exists(database + "-wal"));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(database + "-wal"));
    }
}
