using FlexPay.Core.Secrets;
using Microsoft.AspNetCore.DataProtection;

namespace FlexPay.Core.Tests.Support;

/// <summary>The Core seam over real Data Protection (an ephemeral key ring), as the Admin app wires it.</summary>
internal sealed class DataProtectionTestProtector(IDataProtector protector) : ISecretProtector
{
    public string Protect(string plaintext) => protector.Protect(plaintext);

    public string Unprotect(string protectedText) => protector.Unprotect(protectedText);
}
