namespace FlexPay.Core.Recovery;

/// <summary>A move the recovery rules do not allow (e.g. refunding more than was charged).</summary>
public sealed class RecoveryRuleException(string message) : DomainRuleException(message);
