using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FlexPay.Testing;

/// <summary>A self-signed RSA certificate in a .pfx, as the README's <c>openssl</c> recipe makes one, to protect a test console's key ring.</summary>
public static class KeyRingCertificate
{
    public const string Password = "key-ring-test-password";

    /// <summary>Writes the certificate to <paramref name="path"/> unless one is there already; returns the settings naming it.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Settings(string path)
    {
        if (!File.Exists(path))
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=FlexPay console key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        }
        return [new("DataProtection:CertificatePath", path), new("DataProtection:CertificatePassword", Password)];
    }
}
