namespace FlexPay.Testing;

public static class Repository
{
    /// <summary>The folder holding <c>FlexPay.Admin.sln</c>, above the running tests.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FlexPay.Admin.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("No FlexPay.Admin.sln above " + AppContext.BaseDirectory);
    }
}
