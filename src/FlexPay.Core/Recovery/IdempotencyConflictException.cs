namespace FlexPay.Core.Recovery;

/// <summary>
/// An Idempotency-Key sent again with a different request than the one it first came with: acting on it would do
/// something the caller may not mean, and replaying would answer a question not asked. The REST API answers 422.
/// </summary>
public sealed class IdempotencyConflictException(string operation, string key)
    : Exception($"The Idempotency-Key '{key}' was already used for a different {operation} request; send a new key for a new request.")
{
    public string Key { get; } = key;
}
