using FlexPay.Core.Gateways;

namespace FlexPay.Admin.Api.Gateways;

/// <summary>
/// A gateway as the API shows it: its FlexPay token and sync state, the names of its credentials,
/// whether they are set and whether they must be entered again (a lost key ring), never their values.
/// </summary>
public sealed record GatewayView(
    Guid Id,
    string Name,
    string Company,
    string GatewayType,
    string? MerchantAccountReferenceId,
    string CurrencyCode,
    IReadOnlyList<string> AcceptedCurrencyCodes,
    int Weight,
    bool AcceptRetries,
    bool CvvRequired,
    decimal? ApprovedChargeOrCaptureRateFee,
    decimal? ApprovedChargeOrCaptureFlatFee,
    decimal? OtherTransactionFlatFee,
    IReadOnlyList<string> CredentialKeys,
    bool CredentialsSet,
    bool CredentialsNeedReentry,
    string? FlexPayToken,
    GatewayDesiredState State,
    GatewaySyncView Sync,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static GatewayView From(Gateway g) => new(
        g.Id, g.Name, g.Company, g.GatewayType, g.MerchantAccountReferenceId, g.CurrencyCode, g.AcceptedCurrencyCodes, g.Weight,
        g.AcceptRetries, g.CvvRequired, g.ApprovedChargeOrCaptureRateFee, g.ApprovedChargeOrCaptureFlatFee, g.OtherTransactionFlatFee,
        g.CredentialKeys, g.HasCredentials, g.CredentialsNeedReentry, g.FlexPayToken, g.DesiredState,
        new GatewaySyncView(g.SyncState, g.PendingChanges, g.LastSyncError, g.LastSyncedAt, g.SyncAttempts, g.NextSyncAt),
        g.CreatedAt, g.UpdatedAt);
}

public sealed record GatewaySyncView(
    GatewaySyncState State,
    GatewayChanges PendingChanges,
    string? LastError,
    DateTimeOffset? LastSyncedAt,
    int Attempts,
    DateTimeOffset? NextAttemptAt);
