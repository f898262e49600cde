namespace FlexPay.Core.Gateways;

/// <summary>
/// A gateway as the API shows it: its settings (the profile it is), its FlexPay token and sync state, the names of
/// its credentials, whether they are set and whether they must be entered again (a lost key ring), never their values.
/// </summary>
public sealed record GatewayView : GatewayProfile
{
    private GatewayView(GatewayProfile profile)
        : base(profile)
    {
    }

    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required string Company { get; init; }

    public required IReadOnlyList<string> CredentialKeys { get; init; }

    public required bool CredentialsSet { get; init; }

    public required bool CredentialsNeedReentry { get; init; }

    public string? FlexPayToken { get; init; }

    public required GatewayDesiredState State { get; init; }

    public required GatewaySyncView Sync { get; init; }

    /// <summary>What the last reconcile found different at FlexPay; null when it found none (or has not compared it yet).</summary>
    public GatewayDriftView? Drift { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public static GatewayView From(Gateway g) => new(g.Profile)
    {
        Id = g.Id,
        Name = g.Name,
        Company = g.Company,
        CredentialKeys = g.CredentialKeys,
        CredentialsSet = g.HasCredentials,
        CredentialsNeedReentry = g.CredentialsNeedReentry,
        FlexPayToken = g.FlexPayToken,
        State = g.DesiredState,
        Sync = new GatewaySyncView(g.SyncState, g.PendingChanges, g.LastSyncError, g.LastSyncedAt, g.SyncAttempts, g.NextSyncAt),
        Drift = g is { Drift: { } drift, DriftDetectedAt: { } detectedAt } ? new GatewayDriftView(drift, detectedAt) : null,
        CreatedAt = g.CreatedAt,
        UpdatedAt = g.UpdatedAt,
    };
}

public sealed record GatewaySyncView(
    GatewaySyncState State,
    GatewayChanges PendingChanges,
    string? LastError,
    DateTimeOffset? LastSyncedAt,
    int Attempts,
    DateTimeOffset? NextAttemptAt);

/// <summary>A gateway's recorded drift: what differs at FlexPay, and since when the reconcile has found it so.</summary>
public sealed record GatewayDriftView(string Description, DateTimeOffset DetectedAt);
