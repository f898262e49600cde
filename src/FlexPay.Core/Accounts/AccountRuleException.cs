namespace FlexPay.Core.Accounts;

/// <summary>A change to the FlexPay accounts that is not allowed (a duplicate company, removing one still in use).</summary>
public sealed class AccountRuleException(string message) : DomainRuleException(message);
