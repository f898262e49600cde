using FlexPay.Core.Money;
using FlexPay.Core.Text;
using FluentValidation;

namespace FlexPay.Core.Recovery.Intake;

/// <summary>Every rule names its field, so the billing system learns exactly what to fix.</summary>
public sealed class RecoveryRequestValidator : AbstractValidator<RecoveryRequest>
{
    /// <summary>The largest amount accepted: 100 million major units of a two-decimal currency.</summary>
    public const long MaxAmount = 10_000_000_000;

    public RecoveryRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ExternalId).NotEmpty().MaximumLength(100).Matches(TextRules.Identifier).WithMessage(TextRules.IdentifierMessage);
        RuleFor(r => r.OrderId).NotEmpty().MaximumLength(64).Matches(TextRules.Identifier).WithMessage(TextRules.IdentifierMessage);
        RuleFor(r => r.CustomerId).NotEmpty().MaximumLength(100).Matches(TextRules.Identifier).WithMessage(TextRules.IdentifierMessage);
        RuleFor(r => r.Email).MaximumLength(254).EmailAddress().Must(TextRules.IsPlain).WithMessage(TextRules.PlainMessage);
        RuleFor(r => r.Amount).NotNull().InclusiveBetween(1, MaxAmount)
            .WithMessage($"'Amount' must be a whole number of minor units between 1 and {MaxAmount}.");
        RuleFor(r => r.Currency).NotEmpty().Must(Currencies.IsSupported)
            .WithMessage(r => $"'{r.Currency}' is not a supported ISO 4217 currency code.");
        RuleFor(r => r.Description).MaximumLength(255).Must(TextRules.IsPlain).WithMessage(TextRules.PlainMessage);
        RuleFor(r => r.PaymentMethodId).MaximumLength(64).Matches(TextRules.Identifier).WithMessage(TextRules.IdentifierMessage);
        RuleFor(r => r.GatewayPaymentMethodId).MaximumLength(128).Matches(TextRules.Identifier).WithMessage(TextRules.IdentifierMessage);
        RuleFor(r => r.GatewayToken).MaximumLength(64).Matches(TextRules.Identifier).WithMessage(TextRules.IdentifierMessage);
        RuleFor(r => r)
            .Must(r => CountInstruments(r) == 1)
            .OverridePropertyName("card")
            .WithMessage("Give exactly one of 'card', 'paymentMethodId' or 'gatewayPaymentMethodId'.");
        RuleFor(r => r.Card!).SetValidator(new CardInputValidator()).When(r => r.Card is not null);
        RuleFor(r => r.InitialDecline!).SetValidator(new InitialDeclineValidator(clock)).When(r => r.InitialDecline is not null);
    }

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
        RuleFor(c => c.FirstName).NotEmpty().MaximumLength(50).Must(TextRules.IsPlain).WithMessage(TextRules.PlainMessage);
        RuleFor(c => c.LastName).NotEmpty().MaximumLength(50).Must(TextRules.IsPlain).WithMessage(TextRules.PlainMessage);
        RuleFor(c => c.Address1).MaximumLength(100).Must(TextRules.IsPlain).WithMessage(TextRules.PlainMessage);
        RuleFor(c => c.PostalCode).MaximumLength(16).Must(TextRules.IsPlain).WithMessage(TextRules.PlainMessage);
        RuleFor(c => c.City).MaximumLength(50).Must(TextRules.IsPlain).WithMessage(TextRules.PlainMessage);
        RuleFor(c => c.State).MaximumLength(50).Must(TextRules.IsPlain).WithMessage(TextRules.PlainMessage);
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
        RuleFor(d => d.Code).MaximumLength(32).Must(TextRules.IsPlain).WithMessage(TextRules.PlainMessage);
        RuleFor(d => d.Message).MaximumLength(500).Must(TextRules.IsPlain).WithMessage(TextRules.PlainMessage);
    }
}
