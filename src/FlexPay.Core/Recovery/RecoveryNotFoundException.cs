namespace FlexPay.Core.Recovery;

public sealed class RecoveryNotFoundException(Guid chainId) : Exception($"Recovery {chainId} does not exist.")
{
    public Guid ChainId { get; } = chainId;
}
