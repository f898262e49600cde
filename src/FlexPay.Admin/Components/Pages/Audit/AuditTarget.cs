using System.Text.RegularExpressions;

namespace FlexPay.Admin.Components.Pages.Audit;

/// <summary>
/// An audit entry's target as people read it: "recovery 01a2…" becomes the recovery's order id with a link,
/// "gateway 01a2…" the gateway's name. The stored text (and the CSV export) keeps the ids unchanged.
/// </summary>
public sealed partial record AuditTarget(string Text, string? Href, string? Id)
{
    public static AuditTarget Of(string target, IReadOnlyDictionary<Guid, string> names)
    {
        if (RecoveryTarget().Match(target) is { Success: true } recovery && Guid.TryParse(recovery.Groups["id"].Value, out var chainId))
        {
            var text = names.TryGetValue(chainId, out var orderId) ? $"Recovery {orderId}" : $"Recovery {Short(chainId)}";
            return new AuditTarget(text, $"/recoveries/{chainId}", chainId.ToString());
        }
        if (GatewayTarget().Match(target) is { Success: true } gateway)
        {
            var name = gateway.Groups["name"].Success ? gateway.Groups["name"].Value : null;
            if (Guid.TryParse(gateway.Groups["id"].Value, out var gatewayId))
            {
                name ??= names.GetValueOrDefault(gatewayId) ?? Short(gatewayId);
                return new AuditTarget($"Gateway {name}", null, gatewayId.ToString());
            }
        }
        return new AuditTarget(target, null, null);
    }

    /// <summary>The ids of recoveries and gateways that <see cref="Of"/> can name.</summary>
    public static IEnumerable<Guid> Ids(IEnumerable<string> targets) =>
        targets.Select(t => RecoveryTarget().Match(t) is { Success: true } r ? r.Groups["id"].Value
                : GatewayTarget().Match(t) is { Success: true } g && !g.Groups["name"].Success ? g.Groups["id"].Value
                : null)
            .Select(id => Guid.TryParse(id, out var guid) ? guid : (Guid?)null)
            .OfType<Guid>()
            .Distinct();

    private static string Short(Guid id) => id.ToString("N")[..8] + "…";

    [GeneratedRegex(@"^recovery (?<id>[0-9a-fA-F-]{36})$")]
    private static partial Regex RecoveryTarget();

    [GeneratedRegex(@"^gateway (?:(?<name>.+) \((?<id>[0-9a-fA-F-]{36})\)|(?<id>[0-9a-fA-F-]{36}))$")]
    private static partial Regex GatewayTarget();
}
