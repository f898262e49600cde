namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// A company's FlexPay API key. Sent verbatim after <c>Basic </c> (it is not base64 of user:password).
/// </summary>
public sealed record FlexPayApiKey(string Value)
{
    /// <summary>Where <see cref="FlexPayAuthenticationHandler"/> finds the key of the request it signs.</summary>
    public static readonly HttpRequestOptionsKey<FlexPayApiKey> RequestOption = new("FlexPay.ApiKey");

    // Keys end up in log scopes and exception messages by accident; the masked form makes that harmless.
    public override string ToString() => $"{nameof(FlexPayApiKey)}({Sensitive.Mask(Value, visibleSuffix: 3)})";
}
