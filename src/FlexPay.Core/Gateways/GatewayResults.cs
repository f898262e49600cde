using FlexPay.Core.Recovery;

namespace FlexPay.Core.Gateways;

/// <summary>A created or changed gateway, or the field errors that stopped it (nothing stored).</summary>
public sealed record GatewayResult(Gateway? Gateway)
{
    /// <summary>Field name → messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    public bool IsValid => Gateway is not null;
}

/// <summary>An open recovery whose next attempt will be sent with a given gateway's token.</summary>
public sealed record BoundChain(Guid ChainId, string ExternalId, string OrderId, string CurrencyCode, ChainState State, DateTimeOffset? NextAttemptDueAt, bool Pinned);

/// <summary>
/// The answer to a disable: done, or not done because scheduled retries would be declined by the
/// RefundOnly gateway and staff have not confirmed (<see cref="BoundChains"/> lists them).
/// </summary>
public sealed record GatewayDisableResult(Gateway Gateway, bool Disabled, IReadOnlyList<BoundChain> BoundChains);
