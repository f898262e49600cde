namespace FlexPay.Sandbox.Vault;

/// <summary>
/// What the vault calls answer under <c>transaction</c>: exactly these members, not a whole transaction
/// object (§4.11.9). They are not transactions, so they are neither listed nor readable by id.
/// </summary>
internal sealed record VaultAnswerDto(
    PaymentMethodDto PaymentMethod,
    string? CustomerId,
    string ResponseCode,
    string Message,
    string TransactionDate,
    string TransactionId,
    int TransactionStatus,
    string TransactionType);

internal sealed record VaultAnswerEnvelope(VaultAnswerDto Transaction);
