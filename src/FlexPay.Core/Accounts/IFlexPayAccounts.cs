using FlexPay.Core.FlexPayApi;

namespace FlexPay.Core.Accounts;

/// <summary>
/// The FlexPay API keys, one per company, kept encrypted in our database. Keys go in and are used to
/// sign requests; they never come back out (only <see cref="FlexPayAccount.KeyHint"/>).
/// </summary>
public interface IFlexPayAccounts
{
    /// <summary>The company used when none is named: <c>default</c> if it exists, else the oldest account.</summary>
    string DefaultCompany { get; }

    bool Exists(string company);

    /// <summary>Throws <see cref="InvalidOperationException"/> when no account has that company.</summary>
    FlexPayApiKey GetApiKey(string company);

    IReadOnlyList<FlexPayAccount> List();

    /// <summary>Throws <see cref="AccountRuleException"/> for a duplicate company or a malformed key.</summary>
    Task<FlexPayAccount> AddAsync(string company, FlexPayMode mode, string apiKey, CancellationToken ct = default);

    Task<FlexPayAccount> ReplaceKeyAsync(string company, string apiKey, CancellationToken ct = default);

    /// <summary>Refused while gateways or open recoveries belong to the company.</summary>
    Task RemoveAsync(string company, CancellationToken ct = default);
}
