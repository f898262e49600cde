namespace FlexPay.Core.Certification;

/// <summary>What the scenarios of one run share: the company (FlexPay key) and the gateway its charges are pinned to.</summary>
public sealed record CertificationSession(Guid RunId, string Company, Guid RoutingGatewayId)
{
    /// <summary>A short mark that makes this run's gateway names unique at FlexPay (names cannot be reused).</summary>
    public string Mark => RunId.ToString("N")[^8..].ToUpperInvariant();
}
