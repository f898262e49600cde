using FlexPay.Sandbox.Vault;

namespace FlexPay.Sandbox.Transactions;

/// <summary>A recorded transaction: the answer as sent, plus what follow-ups need. Mutated under the company's lock.</summary>
internal sealed class StoredTransaction(TransactionDto dto, DateTimeOffset transactionDate)
{
    public TransactionDto Dto => dto;
    public DateTimeOffset TransactionDate => transactionDate;
    public Guid? ChainId { get; init; }
    public VaultItem? PaymentMethod { get; init; }
    public string? InitialMerchantTransactionId { get; init; }
    public bool Approved => dto.TransactionStatus == 1;
    public long Refunded { get; set; }
    public bool Voided { get; set; }
    public bool Captured { get; set; }
}

/// <summary>A company's transactions, by id, by merchantTransactionId and in order received.</summary>
internal sealed class TransactionBook
{
    private readonly Dictionary<string, StoredTransaction> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredTransaction> byMerchantId = new(StringComparer.Ordinal);
    private readonly List<StoredTransaction> ordered = [];

    public IReadOnlyList<StoredTransaction> All => ordered;

    /// <summary>Unique per company across every request type, refunds included (code 50129).</summary>
    public bool IsUsed(string? merchantTransactionId) =>
        merchantTransactionId is not null && byMerchantId.ContainsKey(merchantTransactionId);

    public StoredTransaction? Find(string transactionId) => byId.GetValueOrDefault(transactionId);

    public StoredTransaction? FindByMerchantTransactionId(string id) => byMerchantId.GetValueOrDefault(id);

    public int IndexOf(StoredTransaction transaction) => ordered.IndexOf(transaction);

    public StoredTransaction Add(StoredTransaction transaction)
    {
        byId.Add(transaction.Dto.TransactionId, transaction);
        if (transaction.Dto.MerchantTransactionId is { } merchantId)
        {
            byMerchantId.TryAdd(merchantId, transaction);
        }
        ordered.Add(transaction);
        return transaction;
    }
}
