namespace FlexPay.Core.Certification;

/// <summary>The integration guide's seven scenarios, in its words.</summary>
public static class CertificationScenarios
{
    public static readonly IReadOnlyList<(int Number, string Title)> All =
    [
        (1, "Schedule a soft decline"),
        (2, "Do not schedule hard declines"),
        (3, "Recover a transaction"),
        (4, "Payment logic: reference data and retry count"),
        (5, "Refund a recovered transaction"),
        (6, "Gateway creation, update and RefundOnly"),
        (7, "Transactions routed to two gateways"),
    ];
}
