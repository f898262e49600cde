namespace FlexPay.Core.Accounts;

/// <summary>The environment a FlexPay key is bound to (FlexPay's portal calls Live "Production").</summary>
public enum FlexPayMode
{
    Sandbox,
    Live,
}
