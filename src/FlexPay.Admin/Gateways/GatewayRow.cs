using FlexPay.Core.Gateways;

namespace FlexPay.Admin.Gateways;

/// <summary>A gateway as the list shows it, with what the latest reconcile found about it and whether its credentials must be entered again.</summary>
public sealed record GatewayRow(
    Guid Id,
    string Name,
    string Company,
    string GatewayType,
    string CurrencyCode,
    GatewayDesiredState DesiredState,
    GatewaySyncState SyncState,
    string? LastSyncError,
    string? FlexPayToken,
    DateTimeOffset? LastSyncedAt,
    IReadOnlyList<string> CredentialKeys,
    IReadOnlyList<GatewayDrift> Drifts,
    bool CredentialsNeedReentry,
    bool IsCertification = false);

public sealed record GatewayQuery(int Page, int PageSize, string? Search, string? SortBy, bool Descending, bool IncludeCertification = false);

public sealed record GatewayPage(IReadOnlyList<GatewayRow> Rows, int Total);

/// <summary>What an action did, in words for a snackbar, or why it did not.</summary>
public sealed record GatewayOutcome(bool Succeeded, string Message)
{
    /// <summary>Field name → messages, when the input was refused.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>For a disable not yet confirmed: the scheduled retries the RefundOnly gateway would decline.</summary>
    public IReadOnlyList<BoundChain> BoundChains { get; init; } = [];

    public bool NeedsConfirmation => !Succeeded && BoundChains.Count > 0;

    public GatewayDriftReport? Report { get; init; }
}
