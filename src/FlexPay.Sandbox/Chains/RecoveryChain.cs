namespace FlexPay.Sandbox.Chains;

/// <summary>
/// The attempts of one payment, linked by <c>referenceData</c>. Only the latest value issued is accepted
/// on the next attempt, which is how the emulator checks that a client daisy-chains (flexpay-api.md §6).
/// Mutated only under the company's lock.
/// </summary>
internal sealed class RecoveryChain(Guid id, DateTimeOffset dateFirstAttempt, string? initialMerchantTransactionId)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);
    public const int MaxRetries = 15;

    public Guid Id => id;
    public DateTimeOffset DateFirstAttempt => dateFirstAttempt;
    public string? InitialMerchantTransactionId => initialMerchantTransactionId;
    public ushort Sequence { get; private set; }
    public string? Latest { get; private set; }

    /// <summary>Closed by an approval, a hard decline, a decline without retry date or a Refund-Payment.</summary>
    public bool Closed { get; private set; }

    public bool IsExpired(DateTimeOffset now) => now - dateFirstAttempt > MaxAge;

    /// <summary>Issues the value for the response just decided; it becomes the only one accepted next.</summary>
    public string Issue(bool approved)
    {
        Sequence = (ushort)(Sequence + 1);
        Latest = ReferenceData.Encode(this, approved);
        return Latest;
    }

    public void Close() => Closed = true;
}
