using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Recovery;

public static class ChainQueryExtensions
{
    /// <summary>Chains with their attempts and refunds: the whole aggregate, as its verbs need it.</summary>
    public static IQueryable<RecoveryChain> WithHistory(this IQueryable<RecoveryChain> chains) =>
        chains.Include(c => c.Attempts).Include(c => c.Refunds).AsSplitQuery();
}
