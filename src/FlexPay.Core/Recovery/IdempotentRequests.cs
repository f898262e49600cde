using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Recovery;

/// <summary>Finding what an earlier request under the same key made, the one rule every keyed operation shares.</summary>
internal static class IdempotentRequests
{
    /// <summary>
    /// The id of what an earlier <paramref name="operation"/> under <paramref name="call"/>'s key made, or null when
    /// the key is new. Throws <see cref="IdempotencyConflictException"/> when the key came with a different request.
    /// </summary>
    public static async Task<Guid?> EarlierResultAsync(this FlexPayDbContext db, string operation, IdempotentCall call, CancellationToken ct)
    {
        var earlier = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Operation == operation && r.Key == call.Key, ct);
        if (earlier is null)
        {
            return null;
        }
        return earlier.Fingerprint == call.Fingerprint ? earlier.ResourceId : throw new IdempotencyConflictException(operation, call.Key);
    }
}
