using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using FlexPay.Admin.Hosting;
using FlexPay.Admin.Tests.Identity;
using FlexPay.Core.Persistence;
using FlexPay.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Hosting;

/// <summary>
/// A console started with <c>DataProtection:CertificatePath</c> writes its key ring encrypted with that certificate:
/// a copy of the data folder without the certificate reads none of the secrets the ring protects.
/// </summary>
public sealed class KeyRingEncryptionTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>, IDisposable
{
    private const string Purpose = "key-ring-encryption-test";
    private const string Secret = "a FlexPay API key";

    private readonly string _copy = Directory.CreateTempSubdirectory("flexpay-stolen-keys-").FullName;

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    [Fact]
    public void Every_key_is_written_encrypted_and_a_copy_of_the_folder_opens_nothing_without_the_certificate()
    {
        var protectedText = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect(Secret);
        var keys = Directory.GetFiles(Path.Combine(app.DataDirectory, StorageOptions.KeysFolderName), "key-*.xml");
        foreach (var key in keys)
        {
            File.Copy(key, Path.Combine(_copy, Path.GetFileName(key)));
        }
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(
            app.Services.GetRequiredService<IConfiguration>()["DataProtection:CertificatePath"]!, KeyRingCertificate.Password);

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            var elements = XDocument.Load(key).Descendants().Select(e => e.Name.LocalName).ToList();
            Assert.Contains("encryptedSecret", elements);
            Assert.DoesNotContain("masterKey", elements);
        });
        Assert.Throws<CryptographicException>(() => Unprotect(protectedText, builder => { }));
        Assert.Equal(Secret, Unprotect(protectedText, builder => builder.UnprotectKeysWithAnyCertificate(certificate)));
    }

    /// <summary>What someone holding only the copied folder (and, if given, the certificate) gets out of the text.</summary>
    private string Unprotect(string protectedText, Action<IDataProtectionBuilder> withKeys) =>
        DataProtectionProvider.Create(new DirectoryInfo(_copy), builder =>
            {
                builder.SetApplicationName(SecretProtection.ApplicationName);
                // Nothing may be added to the copy: a key made here would not explain the failure away.
                builder.DisableAutomaticKeyGeneration();
                withKeys(builder);
            })
            .CreateProtector(Purpose)
            .Unprotect(protectedText);
}
