namespace FlexPay.Core.Persistence;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The app's data folder: the SQLite database (and, later, the Data Protection key ring). Relative paths start at the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    public const string DatabaseFileName = "flexpay.db";
}
