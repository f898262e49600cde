namespace FlexPay.Admin.Hosting;

/// <summary>
/// This console among the nodes that share one PostgreSQL database (section <c>Node</c>): its name on Hangfire's Servers
/// page and in <c>/health/ready</c>, so an operator can tell which node answered and which one stopped.
/// </summary>
public sealed class NodeOptions
{
    public const string SectionName = "Node";

    /// <summary>Unique per node; the machine's name unless set (set it when two nodes share a machine).</summary>
    public string Name { get; set; } = Environment.MachineName;
}
