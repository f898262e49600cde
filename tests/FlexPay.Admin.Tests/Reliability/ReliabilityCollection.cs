namespace FlexPay.Admin.Tests.Reliability;

/// <summary>
/// The fault tests run one at a time: each starts console processes and a burst of retries, and on a
/// loaded two-core machine they would otherwise compete for the processor and stretch each other's timeouts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityCollection
{
    public const string Name = "Reliability";
}
