using FlexPay.Core.FlexPayApi;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Accounts;

/// <summary>A single company whose key comes from configuration (<c>FlexPay:ApiKey</c>).</summary>
internal sealed class ConfiguredFlexPayAccounts(IOptions<FlexPayOptions> options) : IFlexPayAccounts
{
    public const string DefaultCompanyName = "default";

    public string DefaultCompany => DefaultCompanyName;

    public bool Exists(string company) => company == DefaultCompanyName;

    public FlexPayApiKey GetApiKey(string company) =>
        Exists(company) && !string.IsNullOrWhiteSpace(options.Value.ApiKey)
            ? new FlexPayApiKey(options.Value.ApiKey)
            : throw new InvalidOperationException($"No FlexPay API key is configured for company '{company}'.");
}
