using FlexPay.Sandbox.Chains;
using FlexPay.Sandbox.Gateways;
using FlexPay.Sandbox.Transactions;
using FlexPay.Sandbox.Vault;

namespace FlexPay.Sandbox.Companies;

/// <summary>
/// Everything one API key owns. A single lock per company keeps each decision (uniqueness of
/// merchantTransactionId, refundable sums, chain daisy-chaining) atomic; companies never block each other.
/// </summary>
internal sealed class Company(string id, Gateway builtInGateway)
{
    public string Id => id;

    public Lock Gate { get; } = new();

    /// <summary>The implicit <c>flexpay_sandbox</c> gateway: always available, never listed.</summary>
    public Gateway BuiltInGateway => builtInGateway;

    public TransactionBook Transactions { get; } = new();

    public Dictionary<Guid, RecoveryChain> Chains { get; } = [];

    public Dictionary<string, VaultItem> Vault { get; } = new(StringComparer.Ordinal);

    /// <summary>Gateways created through the API, in creation order.</summary>
    public List<Gateway> Gateways { get; } = [];

    public Gateway? FindGateway(string token) =>
        token == builtInGateway.Id ? builtInGateway : Gateways.Find(g => g.Id == token);
}
