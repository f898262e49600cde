namespace FlexPay.Sandbox.Vault;

/// <summary>
/// The <c>transactionType</c> of vault answers. Only <c>UpdatePaymentMethod</c> is FlexPay's own; the
/// others are the emulator's (README).
/// </summary>
internal static class VaultTypes
{
    public const string Create = "CreatePaymentMethod";
    public const string Update = "UpdatePaymentMethod";
    public const string Redact = "RedactPaymentMethod";
    public const string Recache = "RecachePaymentMethod";
}
