namespace FlexPay.Core;

/// <summary>What was asked for does not exist; the REST API answers 404.</summary>
public abstract class NotFoundException(string kind, string message) : Exception(message)
{
    /// <summary>What kind of thing is missing, in words ("recovery", "gateway").</summary>
    public string Kind { get; } = kind;
}
