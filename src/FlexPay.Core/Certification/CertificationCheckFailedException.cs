namespace FlexPay.Core.Certification;

/// <summary>An expected outcome of a scenario did not happen; the message is the reason shown to the operator.</summary>
public sealed class CertificationCheckFailedException(string reason) : Exception(reason)
{
    public static void Unless(bool condition, string reason)
    {
        if (!condition)
        {
            throw new CertificationCheckFailedException(reason);
        }
    }
}
