using FlexPay.Core.Persistence;
using FlexPay.Core.Secrets;
using Microsoft.AspNetCore.DataProtection;

namespace FlexPay.Admin.Hosting;

/// <summary>
/// Secrets at rest (FlexPay keys, gateway credentials) are encrypted with ASP.NET Core Data Protection,
/// one purpose per kind of secret; the key ring lives in <c>&lt;Storage:DataDirectory&gt;/keys</c>, beside the database.
/// </summary>
internal static class SecretProtection
{
    public const string ApplicationName = "FlexPay.Recovery.Console";

    public static IHostApplicationBuilder AddSecretProtection(this IHostApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var keyRing = Path.Combine(storage.FullDataDirectory(builder.Environment.ContentRootPath), StorageOptions.KeysFolderName);
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(keyRing));
        builder.Services.AddSecretProtectors((services, kind) =>
            new DataProtectionSecretProtector(services.GetRequiredService<IDataProtectionProvider>().CreateProtector(kind)));
        return builder;
    }
}

/// <summary>The Core seam over one Data Protection purpose.</summary>
internal sealed class DataProtectionSecretProtector(IDataProtector protector) : ISecretProtector
{
    public string Protect(string plaintext) => protector.Protect(plaintext);

    public string Unprotect(string protectedText) => protector.Unprotect(protectedText);
}
