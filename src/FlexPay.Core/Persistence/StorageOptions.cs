namespace FlexPay.Core.Persistence;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The app's data folder: the SQLite database and the Data Protection key ring. Relative paths start at the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    public const string DatabaseFileName = "flexpay.db";

    /// <summary>The Data Protection key ring's folder, inside the data folder.</summary>
    public const string KeysFolderName = "keys";

    /// <summary>The data folder as an absolute path (created if missing).</summary>
    public string FullDataDirectory(string contentRootPath)
    {
        var path = Path.GetFullPath(DataDirectory, contentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }
}
