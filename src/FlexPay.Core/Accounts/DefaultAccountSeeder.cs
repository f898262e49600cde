using FlexPay.Core.FlexPayApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Accounts;

/// <summary>
/// With no account yet and <c>FlexPay:ApiKey</c> configured (the embedded sandbox's key by default),
/// creates the Sandbox account <c>default</c>, so the console works with no set-up and chains made
/// before accounts existed (company <c>default</c>) keep their key.
/// </summary>
public sealed class DefaultAccountSeeder(IFlexPayAccounts accounts, IOptions<FlexPayOptions> options, ILogger<DefaultAccountSeeder> logger)
{
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (accounts.List().Count > 0 || string.IsNullOrWhiteSpace(options.Value.ApiKey))
        {
            return false;
        }
        try
        {
            await accounts.AddAsync(FlexPayAccounts.DefaultCompanyName, FlexPayMode.Sandbox, options.Value.ApiKey, ct);
        }
        catch (AccountRuleException) when (accounts.Exists(FlexPayAccounts.DefaultCompanyName))
        {
            return false;
        }
        logger.DefaultSeeded(FlexPayAccounts.DefaultCompanyName);
        return true;
    }
}
