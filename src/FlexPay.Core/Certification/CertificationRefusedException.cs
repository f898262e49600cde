using FlexPay.Core.Accounts;

namespace FlexPay.Core.Certification;

/// <summary>A run may not start: its reason is shown to whoever tried (the screen, the API answers 409).</summary>
public sealed class CertificationRefusedException(string reason) : DomainRuleException(reason)
{
    /// <summary>
    /// Why a run may not start for <paramref name="company"/>, or null when it may: certification only ever runs with a
    /// Sandbox key, since with a Live one its test charges would reach real gateways and its gateways take real payments.
    /// </summary>
    public static CertificationRefusedException? For(IFlexPayAccounts accounts, string company) =>
        accounts.List().SingleOrDefault(a => a.Company == company) switch
        {
            null => new($"No FlexPay account is named {company}."),
            { Mode: FlexPayMode.Sandbox } => null,
            _ => new($"Certification runs only on a Sandbox account, and {company} is a Live account: its test charges would go to " +
                "real gateways. Add the company's Sandbox API key under Settings and run it there."),
        };
}
