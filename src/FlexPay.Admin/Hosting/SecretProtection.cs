using FlexPay.Core.Secrets;
using Microsoft.AspNetCore.DataProtection;

namespace FlexPay.Admin.Hosting;

/// <summary>
/// Secrets at rest (FlexPay keys, gateway credentials) are encrypted with ASP.NET Core Data Protection,
/// one purpose per kind of secret, with the key ring of <see cref="KeyRing"/>.
/// </summary>
internal static class SecretProtection
{
    public const string ApplicationName = "FlexPay.Recovery.Console";

    public static IHostApplicationBuilder AddSecretProtection(this IHostApplicationBuilder builder)
    {
        builder.AddKeyRing(ApplicationName);
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
