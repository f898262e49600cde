using FlexPay.Core.FlexPayApi;

namespace FlexPay.Core.Accounts;

/// <summary>The FlexPay API keys, one per company. A seam: configuration today, encrypted storage tomorrow.</summary>
public interface IFlexPayAccounts
{
    string DefaultCompany { get; }

    bool Exists(string company);

    FlexPayApiKey GetApiKey(string company);
}
