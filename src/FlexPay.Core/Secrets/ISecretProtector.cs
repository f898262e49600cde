namespace FlexPay.Core.Secrets;

/// <summary>
/// Encrypts a secret for storage and decrypts it for use. One instance per kind of secret (see
/// <see cref="SecretKinds"/>), resolved as a keyed service, so a key protected as one kind cannot be
/// read as another. The host supplies it (ASP.NET Core Data Protection in the Admin app): Core stays free of ASP.NET.
/// </summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedText);
}
