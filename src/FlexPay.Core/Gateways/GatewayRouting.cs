using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Gateways;

/// <summary>Finds the gateway a payment is pinned to, named by our gateway id or by its FlexPay token.</summary>
public static class GatewayRouting
{
    public sealed record Route(Gateway? Gateway, string? Error);

    public static async Task<Route> ResolveAsync(FlexPayDbContext db, string idOrToken, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var gateway = Guid.TryParse(idOrToken, out var id)
            ? await db.Gateways.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct)
            : await db.Gateways.AsNoTracking().SingleOrDefaultAsync(g => g.FlexPayToken == idOrToken, ct);
        if (gateway is null)
        {
            return new Route(null, $"'{idOrToken}' is neither the id nor the FlexPay token of a gateway managed here.");
        }
        if (gateway.FlexPayToken is null)
        {
            return new Route(null, $"Gateway '{gateway.Name}' has not been created at FlexPay yet (enable it and wait for the sync).");
        }
        if (gateway.DesiredState != GatewayDesiredState.Enabled)
        {
            return new Route(null, $"Gateway '{gateway.Name}' is disabled (RefundOnly at FlexPay): it would decline the charge.");
        }
        return new Route(gateway, null);
    }
}
