namespace FlexPay.Sandbox.Infrastructure;

/// <summary>
/// Maximum lengths behind the 5xxxx "length" codes. FlexPay does not publish them (flexpay-api.md §9.9);
/// these are the emulator's choices, listed in README.md.
/// </summary>
internal static class FieldLimits
{
    public const int MerchantTransactionId = 64;
    public const int OrderId = 64;
    public const int CustomerId = 64;
    public const int Token = 64;
    public const int Email = 128;
    public const int CustomerIp = 45;
    public const int Description = 255;
    public const int CustomVariable = 255;
}
