using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;

namespace FlexPay.Core.Certification;

/// <summary>Step 6: enabling a gateway creates it at FlexPay, new credentials update it, disabling sets it RefundOnly.</summary>
public sealed class GatewayLifecycleScenario(CertificationContext context) : ICertificationScenario
{
    public int Number => 6;

    public async Task<string> RunAsync(CertificationStep step, CertificationSession session, CancellationToken ct)
    {
        var name = $"CERT-{session.Mark}-STEP6";
        var gateway = await context.CreateGatewayAsync(session.Company, name, "first-secret", ct);
        var created = await context.ReadAtFlexPayAsync(session.Company, gateway.FlexPayToken!, ct);
        step.Record(GatewayToken("Gateway created", gateway, created.Status));
        CertificationCheckFailedException.Unless(created.Status == FlexPayGatewayStatuses.Available, $"FlexPay shows the new gateway as {created.Status}, not Available.");

        var updated = await context.Gateways.UpdateAsync(
            gateway.Id, draft => draft with { Credentials = new Dictionary<string, string> { ["apiKey"] = "second-secret" } }, ct);
        CertificationCheckFailedException.Unless(updated.IsValid, $"The credential change was refused: {string.Join("; ", updated.Errors.SelectMany(e => e.Value))}");
        gateway = await context.WaitForSyncAsync(gateway.Id, "the new credentials to reach FlexPay", ct);
        var afterUpdate = await context.ReadAtFlexPayAsync(session.Company, gateway.FlexPayToken!, ct);
        step.Record(GatewayToken("Credentials updated", gateway, afterUpdate.Status));
        CertificationCheckFailedException.Unless(afterUpdate.SettingKeys?.Contains("apiKey") == true, "FlexPay does not hold the gateway's credentials after the update.");

        var disabled = await context.Gateways.DisableAsync(gateway.Id, confirmed: true, ct);
        gateway = await context.WaitForSyncAsync(disabled.Gateway.Id, "the disable to reach FlexPay", ct);
        var afterDisable = await context.ReadAtFlexPayAsync(session.Company, gateway.FlexPayToken!, ct);
        step.Record(GatewayToken("Gateway disabled", gateway, afterDisable.Status));
        CertificationCheckFailedException.Unless(afterDisable.Status == FlexPayGatewayStatuses.RefundOnly, $"FlexPay shows the disabled gateway as {afterDisable.Status}, not RefundOnly.");

        return $"Gateway {gateway.FlexPayToken} created (Available), credentials updated, then set to RefundOnly at FlexPay.";
    }

    private static CertificationToken GatewayToken(string label, Gateway gateway, string? status) =>
        new(label, null, null, gateway.FlexPayToken, status, null, gateway.Profile.CurrencyCode);
}
