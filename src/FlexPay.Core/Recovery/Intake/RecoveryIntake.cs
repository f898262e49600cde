using FlexPay.Core.Accounts;
using FlexPay.Core.Certification;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Recovery.Intake;

/// <summary>
/// Turns a declined payment into a recovery chain. Invalid input stores and sends nothing; a card
/// is vaulted at FlexPay before anything is stored; a replayed externalId returns the chain it made.
/// A chain handed over by a certification run is tagged with it in the same save (<see cref="CertificationTag"/>).
/// </summary>
public sealed class RecoveryIntake(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    IValidator<RecoveryRequest> validator,
    FlexPayClient flexPay,
    IFlexPayAccounts accounts,
    IRecoveryScheduler scheduler,
    CertificationScope certification,
    TimeProvider clock,
    IOptions<RecoveryOptions> options,
    ILogger<RecoveryIntake> logger)
{
    public async Task<IntakeResult> SubmitAsync(RecoveryRequest request, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return new IntakeResult(IntakeOutcome.Invalid) { Errors = validation.ToDictionary().AsReadOnly() };
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await FindAsync(db, request.ExternalId!, ct) is { } existing)
        {
            return new IntakeResult(IntakeOutcome.AlreadyExists) { Chain = existing };
        }

        // gatewayToken may name our gateway id or its FlexPay token; the chain is sent with that gateway's company key.
        var route = string.IsNullOrEmpty(request.GatewayToken) ? null : await GatewayRouting.ResolveAsync(db, request.GatewayToken, ct);
        if (route?.Error is { } routeError)
        {
            return new IntakeResult(IntakeOutcome.Invalid)
            {
                Errors = new Dictionary<string, string[]> { [nameof(RecoveryRequest.GatewayToken)] = [routeError] },
            };
        }
        var company = route?.Gateway?.Company ?? accounts.DefaultCompany;
        var instrument = await ResolveInstrumentAsync(request, company, ct);
        if (instrument.Failure is { } failure)
        {
            return failure;
        }

        var now = clock.GetUtcNow();
        var chain = RecoveryChain.Open(
            ToNewChain(request, company, instrument.Value!) with { PinnedGatewayToken = route?.Gateway?.FlexPayToken },
            FirstAttemptDueAt(request, now),
            now);
        db.Chains.Add(chain).TagFor(certification);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same externalId arrived twice at once: the first one made the chain.
            db.ChangeTracker.Clear();
            var raced = await FindAsync(db, request.ExternalId!, ct) ?? throw new InvalidOperationException("Saving the recovery failed.");
            return new IntakeResult(IntakeOutcome.AlreadyExists) { Chain = raced };
        }

        var first = chain.Attempts[0];
        scheduler.ArmAttempts(first.DueAt);
        logger.ChainOpened(chain.Id, chain.OrderId, first.RetryCount, first.DueAt);
        return new IntakeResult(IntakeOutcome.Created) { Chain = chain };
    }

    private DateTimeOffset FirstAttemptDueAt(RecoveryRequest request, DateTimeOffset now)
    {
        if (request.InitialDecline?.DeclinedAt is not { } declinedAt)
        {
            return now;
        }
        var due = declinedAt + options.Value.FirstRetryDelay;
        return due > now ? due : now;
    }

    private async Task<(PaymentInstrument? Value, IntakeResult? Failure)> ResolveInstrumentAsync(RecoveryRequest request, string company, CancellationToken ct)
    {
        if (request.Card is not { } card)
        {
            return (new PaymentInstrument { PaymentMethodId = request.PaymentMethodId, GatewayPaymentMethodId = request.GatewayPaymentMethodId }, null);
        }

        var vaulted = await flexPay.CreatePaymentMethodAsync(
            accounts.GetApiKey(company),
            new CreatePaymentMethodRequest { CustomerId = request.CustomerId, Card = ToCardDetails(card, request.Email) },
            ct);
        var method = vaulted.Transaction?.PaymentMethod;
        if (vaulted.IsApproved && !string.IsNullOrEmpty(method?.PaymentMethodId))
        {
            return (new PaymentInstrument
            {
                PaymentMethodId = method.PaymentMethodId,
                CardBrand = method.CardType,
                FirstSixDigits = method.FirstSixDigits,
                LastFourDigits = method.LastFourDigits,
                ExpiryMonth = method.ExpiryMonth,
                ExpiryYear = method.ExpiryYear,
            }, null);
        }

        var detail = vaulted.Transaction?.Message ?? vaulted.ErrorMessage ?? vaulted.Outcome.ToString();
        var outcome = vaulted.Outcome is FlexPayOutcome.ValidationError or FlexPayOutcome.HardDecline or FlexPayOutcome.RiskDecline
            or FlexPayOutcome.DeclinedWithoutRetryDate or FlexPayOutcome.BadRequest
            ? IntakeOutcome.CardRejected
            : IntakeOutcome.FlexPayUnavailable;
        logger.VaultFailed(request.OrderId, vaulted.Outcome, detail);
        return (null, new IntakeResult(outcome) { Detail = detail });
    }

    private static CardDetails ToCardDetails(CardInput card, string? email) => new()
    {
        Number = card.Number!,
        ExpiryMonth = card.ExpiryMonth!.PadLeft(2, '0'),
        ExpiryYear = card.ExpiryYear!,
        Cvv = card.Cvv,
        FirstName = card.FirstName,
        LastName = card.LastName,
        Address1 = card.Address1,
        PostalCode = card.PostalCode,
        City = card.City,
        State = card.State,
        Country = card.Country,
        Email = email,
    };

    private static NewChain ToNewChain(RecoveryRequest request, string company, PaymentInstrument instrument) => new()
    {
        ExternalId = request.ExternalId!,
        Company = company,
        OrderId = request.OrderId!,
        CustomerId = request.CustomerId!,
        Email = request.Email,
        Amount = request.Amount!.Value,
        CurrencyCode = request.Currency!,
        Instrument = instrument,
        Description = request.Description,
        InitialDecline = request.InitialDecline is { DeclinedAt: { } declinedAt } decline
            ? new InitialDecline(declinedAt, decline.Code, decline.Message)
            : null,
    };

    private static Task<RecoveryChain?> FindAsync(FlexPayDbContext db, string externalId, CancellationToken ct) =>
        db.Chains.WithHistory().SingleOrDefaultAsync(c => c.ExternalId == externalId, ct);
}
