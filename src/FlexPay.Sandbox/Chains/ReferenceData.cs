namespace FlexPay.Sandbox.Chains;

/// <summary>
/// The 44-byte layout observed on the wire (flexpay-api.md §4.10): flags, sequence, ticks of the chain's
/// dateFirstAttempt, an attempt GUID (zero after approval) and the chain GUID. Base64: 60 characters.
/// </summary>
internal static class ReferenceData
{
    private const int Size = 44;

    /// <summary>Longer than this is <c>50111</c> (length), not <c>50132</c> (invalid).</summary>
    public const int MaxLength = 256;

    public static string Encode(RecoveryChain chain, bool approved)
    {
        var bytes = new byte[Size];
        bytes[0] = approved ? (byte)0x00 : (byte)0x08;
        BitConverter.TryWriteBytes(bytes.AsSpan(2, 2), chain.Sequence);
        BitConverter.TryWriteBytes(bytes.AsSpan(4, 8), chain.DateFirstAttempt.UtcTicks);
        if (!approved)
        {
            Guid.NewGuid().TryWriteBytes(bytes.AsSpan(12, 16));
        }
        chain.Id.TryWriteBytes(bytes.AsSpan(28, 16));
        return Convert.ToBase64String(bytes);
    }

    /// <summary>The chain a value names, if it has the 44-byte shape at all.</summary>
    public static Guid? ChainOf(string value)
    {
        var buffer = new byte[Size + 3];
        if (!Convert.TryFromBase64String(value, buffer, out var written) || written != Size)
        {
            return null;
        }
        return new Guid(buffer.AsSpan(28, 16));
    }
}
