using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace FlexPay.Admin.Identity.SignIn;

/// <summary>
/// A password hash no one knows the password of, made once with the console's own hasher (so with its iteration
/// count). A sign-in for an email without an account checks the password against it, taking as long as a real check.
/// </summary>
internal sealed class DecoyPassword
{
    private static readonly AdminUser Nobody = new();
    private string? _hash;

    public void Check(IPasswordHasher<AdminUser> hasher, string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}
