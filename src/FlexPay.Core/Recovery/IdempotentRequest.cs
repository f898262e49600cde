namespace FlexPay.Core.Recovery;

/// <summary>
/// A request its caller may send again under the same Idempotency-Key: what was asked (a fingerprint of the body) and
/// what it made, so the retry is answered with that instead of acting twice. Kept (never purged), so well over 24 h.
/// </summary>
public sealed class IdempotentRequest
{
    private IdempotentRequest()
    {
        Operation = null!;
        Key = null!;
        Fingerprint = null!;
    }

    internal IdempotentRequest(string operation, IdempotentCall call, Guid resourceId, DateTimeOffset createdAt)
    {
        Operation = operation;
        Key = call.Key;
        Fingerprint = call.Fingerprint;
        ResourceId = resourceId;
        CreatedAt = createdAt;
    }

    /// <summary>What the request does (<see cref="IdempotentOperations"/>); a key is unique per operation.</summary>
    public string Operation { get; private set; }

    public string Key { get; private set; }

    /// <summary>SHA-256 (hex) of the canonical request: the target and the body as understood.</summary>
    public string Fingerprint { get; private set; }

    /// <summary>What the first request made or changed: a refund's id, a cancelled chain's id.</summary>
    public Guid ResourceId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>The operations that take an Idempotency-Key.</summary>
public static class IdempotentOperations
{
    public const string Refund = "refund";

    public const string Cancel = "recovery.cancel";
}
