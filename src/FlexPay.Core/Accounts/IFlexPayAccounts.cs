using System.Diagnostics.CodeAnalysis;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Secrets;

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

    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> when no account has that company, and its subtype
    /// <see cref="SecretNeedsReentryException"/> when the account exists but its key can no longer be decrypted.
    /// </summary>
    FlexPayApiKey GetApiKey(string company);

    /// <summary>The company's key when it can be used; false, without throwing, when there is no account or its key is unreadable.</summary>
    bool TryGetApiKey(string company, [NotNullWhen(true)] out FlexPayApiKey? key);

    /// <summary>
    /// True when the account exists but its key cannot be decrypted (the key ring that protected it is gone): work
    /// for the company should wait until staff enter the key again (<see cref="ReplaceKeyAsync"/>), not fail.
    /// </summary>
    bool NeedsReentry(string company);

    IReadOnlyList<FlexPayAccount> List();

    /// <summary>Throws <see cref="AccountRuleException"/> for a duplicate company or a malformed key.</summary>
    Task<FlexPayAccount> AddAsync(string company, FlexPayMode mode, string apiKey, CancellationToken ct = default);

    Task<FlexPayAccount> ReplaceKeyAsync(string company, string apiKey, CancellationToken ct = default);

    /// <summary>Refused while gateways or open recoveries belong to the company.</summary>
    Task RemoveAsync(string company, CancellationToken ct = default);
}
