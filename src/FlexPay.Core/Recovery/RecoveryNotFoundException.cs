namespace FlexPay.Core.Recovery;

public sealed class RecoveryNotFoundException(Guid chainId) : NotFoundException("recovery", $"Recovery {chainId} does not exist.")
{
    public Guid ChainId { get; } = chainId;
}
