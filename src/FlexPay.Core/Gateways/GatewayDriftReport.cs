namespace FlexPay.Core.Gateways;

public enum GatewayDriftKind
{
    /// <summary>We have (or should have) the gateway at FlexPay, but FlexPay does not list it.</summary>
    MissingAtFlexPay,

    /// <summary>FlexPay lists a gateway that no gateway here corresponds to.</summary>
    MissingHere,

    /// <summary>FlexPay's status is not the one our desired state implies (Available / RefundOnly).</summary>
    StatusDiffers,

    /// <summary>One or more non-secret fields (or the credential names) differ.</summary>
    SettingsDiffer,
}

public sealed record FieldDifference(string Field, string? Ours, string? FlexPays);

public sealed record GatewayDrift(
    GatewayDriftKind Kind,
    string Company,
    Guid? GatewayId,
    string? Name,
    string? FlexPayToken,
    string Description,
    IReadOnlyList<FieldDifference> Differences);

/// <summary>An account whose gateways could not be listed; its drift is unknown.</summary>
public sealed record GatewayReconcileError(string Company, string Error);

/// <summary>What a reconcile found. Gateways with a change still on its way are not compared field by field.</summary>
public sealed record GatewayDriftReport(
    DateTimeOffset CheckedAt,
    int GatewaysCompared,
    IReadOnlyList<GatewayDrift> Drifts,
    IReadOnlyList<GatewayReconcileError> Errors)
{
    public bool InSync => Drifts.Count == 0 && Errors.Count == 0;
}

/// <summary>The latest reconcile's report, for screens that show drift without calling FlexPay.</summary>
public sealed class GatewayDriftMonitor
{
    private volatile GatewayDriftReport? _latest;

    public GatewayDriftReport? Latest
    {
        get => _latest;
        internal set => _latest = value;
    }
}
