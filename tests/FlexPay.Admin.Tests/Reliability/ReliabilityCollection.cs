namespace FlexPay.Admin.Tests.Reliability;

/// <summary>
/// The fault tests run one at a time and apart from every other test class: each starts console processes
/// and a burst of retries, and on a loaded two-core machine they would otherwise take the processor from
/// each other and from the timing-sensitive API tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityCollection
{
    public const string Name = "Reliability";
}
