namespace FlexPay.Core.Certification;

/// <summary>What the scenarios of one run share: the run, its company (FlexPay key), the gateway its charges are pinned to, and who acts.</summary>
public sealed record CertificationSession(Guid RunId, string Mark, string Company, Guid RoutingGatewayId, string Actor);
