using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FlexPay.Admin.Identity.Postgres;
using FlexPay.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace FlexPay.Admin.Hosting;

/// <summary>Settings of the Data Protection key ring, section <c>DataProtection</c>.</summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS#12 file (.pfx) whose RSA key encrypts every key of the ring at rest. Keep it apart from the data folder.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Outside Development, runs with keys stored in plain XML anyway (logged as a warning). For a throw-away install only.</summary>
    public bool AllowUnprotectedKeys { get; set; }
}

/// <summary>
/// The Data Protection key ring, all in one place: where its keys are kept and how they are encrypted at rest. It
/// encrypts the FlexPay keys and gateway credentials in the database and signs the sign-in cookies, so a copy of the
/// data folder must not come with readable keys: outside Development the ring is protected with a certificate, or the
/// console refuses to start.
/// </summary>
internal static class KeyRing
{
    private const string CertificateSetting = $"{KeyRingOptions.SectionName}:{nameof(KeyRingOptions.CertificatePath)}";
    private const string AllowUnprotectedSetting = $"{KeyRingOptions.SectionName}:{nameof(KeyRingOptions.AllowUnprotectedKeys)}";

    public static void AddKeyRing(this IHostApplicationBuilder builder, string applicationName)
    {
        var settings = builder.Configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var storage = StorageOptions.Read(builder.Configuration);
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(applicationName);
        var place = Persist(builder, dataProtection, storage);
        Protect(builder, dataProtection, settings, place);
    }

    /// <summary>
    /// Where the keys live: a folder of XML files beside the SQLite database, or on PostgreSQL a table every node reads
    /// (docs/decisions/014). The certificate protects them the same way in both. Returns that place, for the log.
    /// </summary>
    private static string Persist(IHostApplicationBuilder builder, IDataProtectionBuilder dataProtection, StorageOptions storage)
    {
        if (storage.IsPostgres)
        {
            dataProtection.PersistKeysToDbContext<PostgresAdminIdentityDbContext>();
            return "the DataProtectionKeys table";
        }
        var folder = Path.Combine(storage.FullDataDirectory(builder.Environment.ContentRootPath), StorageOptions.KeysFolderName);
        dataProtection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        return folder;
    }

    private static void Protect(IHostApplicationBuilder builder, IDataProtectionBuilder dataProtection, KeyRingOptions settings, string place)
    {
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            if (Load(builder, settings) is { } certificate)
            {
                // Decryption looks the certificate up in the machine's store unless it is named here (always so on Linux).
                dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
            }
            return;
        }
        if (builder.Environment.IsDevelopment())
        {
            return;
        }
        if (settings.AllowUnprotectedKeys)
        {
            builder.WarnAtStart(logger => HostingLog.UnprotectedKeyRing(logger, place, AllowUnprotectedSetting));
            return;
        }
        builder.RefuseToStart(CertificateSetting,
            "is not set, so the key ring that encrypts the FlexPay keys and signs sign-in cookies would be stored unencrypted beside the "
            + $"database. Point it at a .pfx certificate (see the README's \"Key ring\" section), or set {AllowUnprotectedSetting}=true for a throw-away install.");
    }

    private static X509Certificate2? Load(IHostApplicationBuilder builder, KeyRingOptions settings)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath!, settings.CertificatePassword);
            if (certificate.GetRSAPrivateKey() is null)
            {
                builder.RefuseToStart(CertificateSetting, $"'{settings.CertificatePath}' holds no RSA private key; the key ring needs one to decrypt its keys.");
                return null;
            }
            return certificate;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            builder.RefuseToStart(CertificateSetting, $"'{settings.CertificatePath}' could not be loaded ({ex.Message}); check the file and {KeyRingOptions.SectionName}:{nameof(KeyRingOptions.CertificatePassword)}.");
            return null;
        }
    }
}
