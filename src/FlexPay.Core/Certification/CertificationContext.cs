using FlexPay.Core.Accounts;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Recovery.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Certification;

/// <summary>
/// What a scenario uses: the production intake, scheduler, processors and database, so certification
/// exercises exactly the code that recovers real payments.
/// </summary>
public sealed class CertificationContext(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    RecoveryIntake intake,
    ChainActions actions,
    RefundProcessor refunds,
    GatewayService gateways,
    FlexPayClient flexPay,
    IFlexPayAccounts accounts,
    TimeProvider clock,
    IOptions<RecoveryOptions> recovery,
    IOptions<CertificationOptions> options)
{
    public const string VisaTestCard = "4920201996449560";

    public RefundProcessor Refunds => refunds;

    /// <summary>Hands a payment to the intake as the billing system would, with the sandbox's Visa test card.</summary>
    public async Task<RecoveryChain> SubmitAsync(
        CertificationSession session, long amount, string currency, bool declinedByMerchant, CancellationToken ct, string? gatewayToken = null)
    {
        var now = clock.GetUtcNow();
        var result = await intake.SubmitAsync(new RecoveryRequest
        {
            ExternalId = "cert-" + Guid.CreateVersion7().ToString("N"),
            OrderId = "CERT-" + Guid.CreateVersion7().ToString("N")[^12..].ToUpperInvariant(),
            CustomerId = "certification",
            Email = "certification@example.com",
            Amount = amount,
            Currency = currency,
            Description = "FlexPay integration certification",
            GatewayToken = gatewayToken ?? session.RoutingGatewayId.ToString(),
            Card = new CardInput
            {
                Number = VisaTestCard, ExpiryMonth = "07", ExpiryYear = "2024", Cvv = "879",
                FirstName = "Cert", LastName = "Tester", Address1 = "123 A St", PostalCode = "84062", City = "Townsville", State = "UT", Country = "US",
            },
            // Declined by the merchant's gateway long enough ago that the first FlexPay retry is due now.
            InitialDecline = declinedByMerchant
                ? new InitialDeclineInput { DeclinedAt = now - recovery.Value.FirstRetryDelay, Code = "05", Message = "Do not honor" }
                : null,
        }, ct);
        CertificationCheckFailedException.Unless(
            result.Chain is not null,
            $"The intake refused the payment ({result.Outcome}): {result.Detail ?? string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
        return result.Chain!;
    }

    /// <summary>
    /// Watches the chain until <paramref name="done"/> holds. The deadline follows the chain: its next
    /// due time plus a grace, so a real FlexPay sandbox's next-midnight retry dates are waited for too.
    /// </summary>
    public async Task<RecoveryChain> WaitForAsync(Guid chainId, Func<RecoveryChain, bool> done, string what, CancellationToken ct)
    {
        while (true)
        {
            var chain = await LoadAsync(chainId, ct);
            if (done(chain))
            {
                return chain;
            }
            var deadline = (chain.NextAttemptDueAt ?? chain.UpdatedAt) + options.Value.AnswerGrace;
            CertificationCheckFailedException.Unless(
                clock.GetUtcNow() < deadline,
                $"Timed out waiting for {what}; the recovery is {chain.State}: {chain.StateReason}");
            await Task.Delay(options.Value.PollInterval, clock, ct);
        }
    }

    public GatewayService Gateways => gateways;

    /// <summary>Creates an enabled gateway of FlexPay's sandbox type and waits until FlexPay has it.</summary>
    public async Task<Gateway> CreateGatewayAsync(string company, string name, string secret, CancellationToken ct)
    {
        var created = await gateways.CreateAsync(new GatewayDraft
        {
            Name = name,
            Company = company,
            GatewayType = GatewayTypes.FlexPaySandbox,
            MerchantAccountReferenceId = name,
            CurrencyCode = "USD",
            Credentials = new Dictionary<string, string> { ["apiKey"] = secret },
            Enabled = true,
        }, ct);
        CertificationCheckFailedException.Unless(created.IsValid,
            $"Gateway {name} was refused: {string.Join("; ", created.Errors.SelectMany(e => e.Value))}");
        return await WaitForSyncAsync(created.Gateway!.Id, $"gateway {name} to be created at FlexPay", ct);
    }

    /// <summary>Waits until every change to the gateway has reached FlexPay.</summary>
    public async Task<Gateway> WaitForSyncAsync(Guid gatewayId, string what, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + options.Value.AnswerGrace;
        while (true)
        {
            var gateway = await gateways.GetAsync(gatewayId, ct);
            if (gateway.SyncState == GatewaySyncState.InSync && gateway.FlexPayToken is not null)
            {
                return gateway;
            }
            CertificationCheckFailedException.Unless(gateway.SyncState != GatewaySyncState.Failed, $"FlexPay refused {what}: {gateway.LastSyncError}");
            CertificationCheckFailedException.Unless(clock.GetUtcNow() < deadline, $"Timed out waiting for {what} (sync {gateway.SyncState}: {gateway.LastSyncError}).");
            await Task.Delay(options.Value.PollInterval, clock, ct);
        }
    }

    /// <summary>The gateway as FlexPay itself reports it.</summary>
    public async Task<FlexPayGateway> ReadAtFlexPayAsync(string company, string token, CancellationToken ct)
    {
        var response = await flexPay.GetGatewayAsync(accounts.GetApiKey(company), token, ct);
        CertificationCheckFailedException.Unless(response.IsOk, $"FlexPay did not return gateway {token}: {response.Outcome} {response.ErrorMessage}");
        return response.Value!;
    }

    /// <summary>Stops a scenario's chain once its point is made; waits out an attempt that is in flight.</summary>
    public async Task StopRetryingAsync(CertificationSession session, Guid chainId, CancellationToken ct)
    {
        var chain = await WaitForAsync(chainId, c => c.State is not (ChainState.Sending or ChainState.OutcomeUnknown), "the attempt in flight", ct);
        if (chain.State is ChainState.Scheduled or ChainState.Suspended)
        {
            await actions.CancelAsync(chainId, session.Actor, "Scenario complete; no further retries needed", ct);
        }
    }

    private async Task<RecoveryChain> LoadAsync(Guid chainId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Chains.AsNoTracking().WithHistory().SingleAsync(c => c.Id == chainId, ct);
    }
}
