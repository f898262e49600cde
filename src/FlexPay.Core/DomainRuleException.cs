namespace FlexPay.Core;

/// <summary>
/// A move the domain's rules do not allow (refunding more than was charged, renaming a gateway FlexPay has, removing
/// an account still in use). Its message says why, for the person or system that asked; the REST API answers 409.
/// </summary>
public abstract class DomainRuleException(string message) : Exception(message);
