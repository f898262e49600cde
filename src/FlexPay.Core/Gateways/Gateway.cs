using FlexPay.Core.Secrets;
using FlexPay.Core.Text;

namespace FlexPay.Core.Gateways;

/// <summary>
/// A merchant account (MID) as staff manage it, and how far FlexPay has caught up with it. The row is
/// the durable record of the sync: <see cref="SyncState"/> and <see cref="PendingChanges"/> say what is
/// still to be sent, so an outage or a restart delays a change but never loses it.
/// </summary>
public sealed class Gateway
{
    private Gateway()
    {
        Name = Company = null!;
        Profile = null!;
        CredentialKeys = [];
    }

    private Gateway(string name, string company, GatewayProfile profile, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        Company = company;
        Profile = profile.Normalized();
        CredentialKeys = [];
        DesiredState = GatewayDesiredState.Disabled;
        SyncState = GatewaySyncState.InSync;
        CreatedAt = UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>Set at creation at FlexPay, never changed there.</summary>
    public string Name { get; private set; }

    /// <summary>The FlexPay account (company) the gateway belongs to.</summary>
    public string Company { get; private set; }

    /// <summary>The settings FlexPay keeps besides the name, status and credentials.</summary>
    public GatewayProfile Profile { get; private set; }

    /// <summary>The credentials map, encrypted as one JSON document. Write-only: never leaves Core decrypted except towards FlexPay.</summary>
    internal string? ProtectedCredentials { get; private set; }

    /// <summary>Names of the credentials (not secret), so staff see what is set.</summary>
    public IReadOnlyList<string> CredentialKeys { get; private set; }

    public bool HasCredentials => ProtectedCredentials is not null && CredentialKeys.Count > 0;

    /// <summary>
    /// The stored credentials can no longer be decrypted (a lost key ring): staff must enter them again. Found by
    /// <see cref="GatewayService.CheckCredentials"/> for the views that show gateways, never stored.
    /// </summary>
    public bool CredentialsNeedReentry { get; private set; }

    /// <summary>FlexPay's id of the gateway: the <c>gatewayToken</c> that routes a charge to it.</summary>
    public string? FlexPayToken { get; private set; }

    public GatewayDesiredState DesiredState { get; private set; }

    public GatewaySyncState SyncState { get; private set; }

    public GatewayChanges PendingChanges { get; private set; }

    public string? LastSyncError { get; private set; }

    public DateTimeOffset? LastSyncedAt { get; private set; }

    /// <summary>Failed tries of the pending change (reset by each new change and by success).</summary>
    public int SyncAttempts { get; private set; }

    /// <summary>When the pending change is tried next.</summary>
    public DateTimeOffset? NextSyncAt { get; private set; }

    /// <summary>
    /// Set before a create is sent: from then on FlexPay may have the gateway even without our having
    /// its token (a timeout), so the next try looks for it by name before creating again.
    /// </summary>
    public DateTimeOffset? CreateRequestedAt { get; private set; }

    /// <summary>
    /// What the last reconcile found different at FlexPay (its drift descriptions), null when it found the gateway in
    /// step. Stored so that a drift is news once, when it first appears (<c>gateway.drift_detected</c>), not at every
    /// reconcile while it lasts.
    /// </summary>
    public string? Drift { get; private set; }

    /// <summary>When the reconcile first found <see cref="Drift"/> as it is.</summary>
    public DateTimeOffset? DriftDetectedAt { get; private set; }

    /// <summary>A sync run holds the gateway until then, so two runs never create it twice.</summary>
    public DateTimeOffset? SyncClaimedUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: every verb bumps it.</summary>
    public int Version { get; private set; }

    /// <summary>True once FlexPay has (or may have) the gateway.</summary>
    public bool IsKnownAtFlexPay => FlexPayToken is not null || CreateRequestedAt is not null;

    /// <summary>The status FlexPay should show.</summary>
    public string ExpectedFlexPayStatus => DesiredState == GatewayDesiredState.Enabled
        ? FlexPayApi.FlexPayGatewayStatuses.Available
        : FlexPayApi.FlexPayGatewayStatuses.RefundOnly;

    /// <summary>A new gateway, disabled and known only here until it is enabled.</summary>
    public static Gateway Define(string name, string company, GatewayProfile profile, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(company))
        {
            throw new GatewayRuleException("A gateway needs a name and a company.");
        }
        return new Gateway(name.Trim(), company, profile, now);
    }

    /// <summary>Refused once FlexPay has the gateway: its name is immutable there.</summary>
    public void Rename(string name, DateTimeOffset now)
    {
        if (name.Trim() == Name)
        {
            return;
        }
        if (IsKnownAtFlexPay)
        {
            throw new GatewayRuleException(
                $"'{Name}' already exists at FlexPay, where a gateway's name is set at creation and cannot change. Create a new gateway under the new name instead.");
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new GatewayRuleException("A gateway needs a name.");
        }
        Name = name.Trim();
        Touch(now);
    }

    /// <summary>Refused once FlexPay has the gateway: it lives under that company's key.</summary>
    public void MoveToCompany(string company, DateTimeOffset now)
    {
        if (company == Company)
        {
            return;
        }
        if (IsKnownAtFlexPay)
        {
            throw new GatewayRuleException(
                $"'{Name}' already exists at FlexPay under company '{Company}'; it cannot move to another company's key. Create it anew there.");
        }
        Company = company;
        Touch(now);
    }

    public void ChangeProfile(GatewayProfile profile, DateTimeOffset now)
    {
        if (profile.SameAs(Profile))
        {
            return;
        }
        Profile = profile.Normalized();
        NeedSync(GatewayChanges.Settings, now);
    }

    /// <summary>Replaces every credential. <paramref name="protectedCredentials"/> is the encrypted map; <paramref name="keys"/> its names.</summary>
    public void ReplaceCredentials(string protectedCredentials, IReadOnlyList<string> keys, DateTimeOffset now)
    {
        ProtectedCredentials = protectedCredentials;
        CredentialKeys = [.. keys.Order(StringComparer.Ordinal)];
        CredentialsNeedReentry = false;
        NeedSync(GatewayChanges.Credentials, now);
    }

    /// <summary>Creates the gateway at FlexPay (status Available), or sets it Available again if FlexPay has it.</summary>
    public void Enable(DateTimeOffset now)
    {
        if (DesiredState == GatewayDesiredState.Enabled && SyncState == GatewaySyncState.InSync && FlexPayToken is not null)
        {
            return;
        }
        DesiredState = GatewayDesiredState.Enabled;
        NeedSync(GatewayChanges.Status, now);
    }

    /// <summary>Sets the gateway RefundOnly at FlexPay: no more charges, refunds of earlier ones still go through.</summary>
    public void Disable(DateTimeOffset now)
    {
        if (DesiredState == GatewayDesiredState.Disabled && SyncState == GatewaySyncState.InSync)
        {
            return;
        }
        DesiredState = GatewayDesiredState.Disabled;
        NeedSync(GatewayChanges.Status, now);
    }

    /// <summary>Tries a failed (or stuck) change again now.</summary>
    public void RetrySync(DateTimeOffset now)
    {
        if (SyncState == GatewaySyncState.InSync)
        {
            throw new GatewayRuleException($"'{Name}' is in sync with FlexPay; there is nothing to retry.");
        }
        NeedSync(PendingChanges == GatewayChanges.None ? GatewayChanges.Status : PendingChanges, now);
    }

    /// <summary>Takes the gateway for one sync run. False while another run holds it.</summary>
    internal bool TryClaim(DateTimeOffset now, TimeSpan duration)
    {
        if (SyncClaimedUntil > now)
        {
            return false;
        }
        SyncClaimedUntil = now + duration;
        if (FlexPayToken is null && DesiredState == GatewayDesiredState.Enabled)
        {
            CreateRequestedAt ??= now;
        }
        Touch(now);
        return true;
    }

    /// <summary>A reconcile compared the gateway with FlexPay: <paramref name="drift"/> is what differs, null for nothing.</summary>
    internal void RecordDrift(string? drift, DateTimeOffset now)
    {
        drift = drift is { Length: > TextLimits.Message } ? drift[..TextLimits.Message] : drift;
        if (drift == Drift)
        {
            return;
        }
        Drift = drift;
        DriftDetectedAt = drift is null ? null : now;
        Touch(now);
    }

    internal void CheckCredentials(ISecretProtector protector) =>
        CredentialsNeedReentry = HasCredentials && !GatewayCredentials.CanOpen(protector, ProtectedCredentials);

    /// <summary>A crash left a claim behind; a fresh process (one instance, see decision 002) drops it.</summary>
    internal void ReleaseClaim() => SyncClaimedUntil = null;

    /// <summary>
    /// FlexPay accepted what was sent at <paramref name="versionSent"/>. If nothing changed meanwhile the
    /// gateway is in sync; otherwise the newer change stays pending and is sent next.
    /// </summary>
    internal void RecordSynced(string? token, int versionSent, DateTimeOffset now)
    {
        var unchanged = Version == versionSent;
        FlexPayToken = token ?? FlexPayToken;
        if (FlexPayToken is null)
        {
            // Disabled before FlexPay ever had it: nothing exists there to keep in step.
            CreateRequestedAt = null;
        }
        SyncClaimedUntil = null;
        LastSyncedAt = now;
        LastSyncError = null;
        SyncAttempts = 0;
        if (unchanged)
        {
            PendingChanges = GatewayChanges.None;
            SyncState = GatewaySyncState.InSync;
            NextSyncAt = null;
        }
        else
        {
            PendingChanges &= FlexPayToken is null ? PendingChanges : ~GatewayChanges.Create;
            PendingChanges |= GatewayChanges.Status;
            SyncState = GatewaySyncState.Pending;
            NextSyncAt = now;
        }
        Touch(now);
    }

    /// <summary>
    /// FlexPay did not accept the change. A transient failure (outage, timeout) is tried again at
    /// <paramref name="retryAt"/>; a refusal (<paramref name="retryAt"/> null) waits for staff.
    /// </summary>
    internal void RecordSyncFailure(string? token, string error, DateTimeOffset? retryAt, int versionSent, DateTimeOffset now)
    {
        FlexPayToken = token ?? FlexPayToken;
        SyncClaimedUntil = null;
        LastSyncError = error.Length > TextLimits.Message ? error[..TextLimits.Message] : error;
        if (Version != versionSent)
        {
            // Staff changed it meanwhile: their change gets a fresh try now.
            NextSyncAt = now;
        }
        else if (retryAt is { } at)
        {
            SyncAttempts++;
            SyncState = GatewaySyncState.Pending;
            NextSyncAt = at;
        }
        else
        {
            SyncAttempts++;
            SyncState = GatewaySyncState.Failed;
            NextSyncAt = null;
        }
        Touch(now);
    }

    public override string ToString() =>
        $"{nameof(Gateway)} {{ Id = {Id}, Name = {Name}, Company = {Company}, Type = {Profile.GatewayType}, Token = {FlexPayToken}, " +
        $"State = {DesiredState}, Sync = {SyncState}, Credentials = [{string.Join(", ", CredentialKeys.Select(k => k + " = ****"))}] }}";

    private void NeedSync(GatewayChanges change, DateTimeOffset now)
    {
        if (!IsKnownAtFlexPay)
        {
            // FlexPay has nothing yet: enabling creates it with everything; until then there is nothing to send.
            PendingChanges = DesiredState == GatewayDesiredState.Enabled ? GatewayChanges.Create : GatewayChanges.None;
        }
        else
        {
            PendingChanges |= change;
        }
        SyncState = PendingChanges == GatewayChanges.None ? GatewaySyncState.InSync : GatewaySyncState.Pending;
        SyncAttempts = 0;
        LastSyncError = null;
        NextSyncAt = SyncState == GatewaySyncState.Pending ? now : null;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
