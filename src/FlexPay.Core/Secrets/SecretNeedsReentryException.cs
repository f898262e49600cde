namespace FlexPay.Core.Secrets;

/// <summary>
/// A secret kept at rest can no longer be decrypted: the key ring that protected it is gone (restored without its
/// keys, or a new install on an old database). Nothing is wrong with the data otherwise; staff enter the secret
/// again and it is readable from then on. Distinct from a missing account or gateway, so callers can wait for that.
/// </summary>
public sealed class SecretNeedsReentryException(string message) : InvalidOperationException(message);
