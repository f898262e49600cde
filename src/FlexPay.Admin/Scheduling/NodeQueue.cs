using System.Text.RegularExpressions;
using FlexPay.Admin.Hosting;
using FlexPay.Core.Persistence;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Scheduling;

/// <summary>
/// On PostgreSQL, the Hangfire queue that only this node's server reads: the windows this node arms, and its own
/// arming job, run on this node, so every node dispatches every window it knows of and the nodes share a burst
/// through their locked claims (docs/decisions/017). Null on SQLite, whose one process takes every job from the
/// default queue.
/// </summary>
internal sealed partial class NodeQueue(IOptions<NodeOptions> node, IOptions<StorageOptions> storage)
{
    public string? Name { get; } = storage.Value.IsPostgres ? ToQueueName(node.Value.Name) : null;

    /// <summary>Hangfire takes lower-case letters, digits, dashes and underscores: "Web-01.eu" reads "node-web-01_eu".</summary>
    public static string ToQueueName(string nodeName) => "node-" + NotAllowed().Replace(nodeName.ToLowerInvariant(), "_");

    [GeneratedRegex("[^a-z0-9_-]")]
    private static partial Regex NotAllowed();
}
