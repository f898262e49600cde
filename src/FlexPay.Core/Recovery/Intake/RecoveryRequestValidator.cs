using FlexPay.Core.Money;
using FlexPay.Core.Text;
using FluentValidation;

namespace FlexPay.Core.Recovery.Intake;

/// <summary>Every rule names its field, so the billing system learns exactly what to fix.</summary>
public sealed class RecoveryRequestValidator : AbstractValidator<RecoveryRequest>
{
    public RecoveryRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ExternalId).NotEmpty().IdentifierText(TextLimits.ExternalId);
        RuleFor(r => r.OrderId).NotEmpty().IdentifierText(TextLimits.OrderId);
        RuleFor(r => r.CustomerId).NotEmpty().IdentifierText(TextLimits.CustomerId);
        RuleFor(r => r.Email).MaximumLength(TextLimits.Email).EmailAddress().PlainText();
        RuleFor(r => r.Amount).NotNull().GreaterThan(0).WithMessage("'Amount' must be a whole number of minor units, more than zero.")
            .Must((r, amount) => amount is null || !Currencies.TryFind(r.Currency, out var currency) || amount <= currency.MaxMinorUnits)
            .WithMessage(r => AboveCap(Currencies.Get(r.Currency!)));
        RuleFor(r => r.Currency).NotEmpty().Must(Currencies.IsSupported)
            .WithMessage(r => $"'{r.Currency}' is not a supported ISO 4217 currency code.");
        RuleFor(r => r.Description).MaximumLength(TextLimits.Description).PlainText();
        RuleFor(r => r.PaymentMethodId).IdentifierText(TextLimits.FlexPayId);
        RuleFor(r => r.GatewayPaymentMethodId).IdentifierText(TextLimits.GatewayPaymentMethodId);
        RuleFor(r => r.GatewayToken).IdentifierText(TextLimits.FlexPayId);
        RuleFor(r => r)
            .Must(r => CountInstruments(r) == 1)
            .OverridePropertyName("card")
            .WithMessage("Give exactly one of 'card', 'paymentMethodId' or 'gatewayPaymentMethodId'.");
        RuleFor(r => r.Card!).SetValidator(new CardInputValidator()).When(r => r.Card is not null);
        RuleFor(r => r.InitialDecline!).SetValidator(new InitialDeclineValidator(clock)).When(r => r.InitialDecline is not null);
    }

    private static string AboveCap(Currency currency) =>
        $"'Amount' is above the most the console takes in {currency.Code}: {new MoneyAmount(currency.MaxMinorUnits, currency.Code)} "
        + $"({currency.MaxMinorUnits} minor units).";

    private static int CountInstruments(RecoveryRequest r) =>
        (r.Card is null ? 0 : 1) + (string.IsNullOrEmpty(r.PaymentMethodId) ? 0 : 1) + (string.IsNullOrEmpty(r.GatewayPaymentMethodId) ? 0 : 1);
}

internal sealed class CardInputValidator : AbstractValidator<CardInput>
{
    public CardInputValidator()
    {
        RuleFor(c => c.Number).NotEmpty().Matches("^[0-9]{12,19}$").WithMessage("'Number' must be 12 to 19 digits.")
            .Must(Luhn.IsValid).WithMessage("'Number' is not a valid card number (check digit).");
        RuleFor(c => c.ExpiryMonth).NotEmpty().Matches("^(0?[1-9]|1[0-2])$").WithMessage("'Expiry Month' must be 1 to 12.");
        RuleFor(c => c.ExpiryYear).NotEmpty().Matches("^20[0-9]{2}$").WithMessage("'Expiry Year' must be four digits, e.g. 2027.");
        RuleFor(c => c.Cvv).Matches("^[0-9]{3,4}$").WithMessage("'Cvv' must be 3 or 4 digits.");
        RuleFor(c => c.FirstName).NotEmpty().MaximumLength(TextLimits.CardName).PlainText();
        RuleFor(c => c.LastName).NotEmpty().MaximumLength(TextLimits.CardName).PlainText();
        RuleFor(c => c.Address1).MaximumLength(TextLimits.AddressLine).PlainText();
        RuleFor(c => c.PostalCode).MaximumLength(TextLimits.PostalCode).PlainText();
        RuleFor(c => c.City).MaximumLength(TextLimits.CardName).PlainText();
        RuleFor(c => c.State).MaximumLength(TextLimits.CardName).PlainText();
        RuleFor(c => c.Country).Matches("^[A-Z]{2}$").WithMessage("'Country' must be an ISO 3166 alpha-2 code such as US.");
    }
}

internal sealed class InitialDeclineValidator : AbstractValidator<InitialDeclineInput>
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public InitialDeclineValidator(TimeProvider clock)
    {
        RuleFor(d => d.DeclinedAt).NotNull()
            .Must(at => at <= clock.GetUtcNow() + ClockSkew).WithMessage("'Declined At' is in the future.")
            .Must(at => at >= clock.GetUtcNow() - RecoveryLimits.MaxChainDuration)
            .WithMessage("'Declined At' is more than 30 days ago: FlexPay no longer recovers it.");
        RuleFor(d => d.Code).MaximumLength(TextLimits.DeclineCode).PlainText();
        RuleFor(d => d.Message).MaximumLength(TextLimits.Reason).PlainText();
    }
}
