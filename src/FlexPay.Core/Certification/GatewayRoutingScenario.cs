using FlexPay.Core.Recovery;

namespace FlexPay.Core.Certification;

/// <summary>Step 7: two gateways; a charge pinned to each is processed by that gateway.</summary>
public sealed class GatewayRoutingScenario(CertificationContext context) : ICertificationScenario
{
    public int Number => 7;

    public async Task<string> RunAsync(CertificationStep step, CertificationSession session, CancellationToken ct)
    {
        var first = await context.CreateGatewayAsync(session.Company, $"CERT-{session.Mark}-GW1", "gateway-one-secret", ct);
        var second = await context.CreateGatewayAsync(session.Company, $"CERT-{session.Mark}-GW2", "gateway-two-secret", ct);

        var sent = new List<string>();
        foreach (var (gateway, label) in new[] { (first, "Gateway #1"), (second, "Gateway #2") })
        {
            var submitted = await context.SubmitAsync(session, 1000, "USD", declinedByMerchant: true, ct, gatewayToken: gateway.FlexPayToken);
            var chain = await context.WaitForAsync(submitted.Id, c => c.State != ChainState.Scheduled && c.Attempts[^1].IsAnswered(), $"the charge through {label}", ct);
            var attempt = chain.Attempts[^1];
            step.Record($"Charge via {label}", chain, attempt);
            CertificationCheckFailedException.Unless(attempt.GatewayTokenSent == gateway.FlexPayToken,
                $"The charge for {label} was sent with gatewayToken {attempt.GatewayTokenSent}, not {gateway.FlexPayToken}.");
            CertificationCheckFailedException.Unless(attempt.GatewayTokenUsed == gateway.FlexPayToken,
                $"FlexPay processed the charge for {label} on {attempt.GatewayTokenUsed}, not {gateway.FlexPayToken}.");
            sent.Add($"{attempt.TransactionId} on {attempt.GatewayTokenUsed}");
        }

        foreach (var gateway in new[] { first, second })
        {
            await context.Gateways.DisableAsync(gateway.Id, confirmed: true, ct);
        }
        return $"Charges {string.Join(" and ", sent)}: each processed by the gateway it named.";
    }
}
