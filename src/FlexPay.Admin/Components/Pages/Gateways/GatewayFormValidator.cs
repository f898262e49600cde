using FlexPay.Core.Accounts;
using FlexPay.Core.Gateways;
using FlexPay.Core.Money;
using FluentValidation;

namespace FlexPay.Admin.Components.Pages.Gateways;

/// <summary>
/// What the gateway dialog checks as staff type. The same rules as <see cref="GatewayDraftValidator"/>, plus
/// the credentials the gateway type needs: every one is required on creation and when replacing them.
/// </summary>
public sealed class GatewayFormValidator : AbstractValidator<GatewayForm>
{
    public GatewayFormValidator(IFlexPayAccounts accounts)
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Give the gateway a name.")
            .MaximumLength(GatewayDraftValidator.MaxNameLength)
            .Must(n => n is null || !n.Any(c => c is '<' or '>' || char.IsControl(c))).WithMessage("The name must not contain < or >.");
        RuleFor(f => f.Company).NotEmpty().WithMessage("Choose the FlexPay account (company).")
            .Must(c => c is null || accounts.Exists(c)).WithMessage(f => $"There is no FlexPay account named '{f.Company}'.");
        RuleFor(f => f.GatewayType).NotEmpty().WithMessage("Choose the gateway type.")
            .Must(t => t is null || GatewayTypes.IsKnown(t)).WithMessage(f => $"'{f.GatewayType}' is not a FlexPay gateway type.");
        RuleFor(f => f.CurrencyCode).NotEmpty().WithMessage("Give the gateway's settlement currency.")
            .Must(c => c is null || Currencies.IsSupported(c.Trim().ToUpperInvariant())).WithMessage(f => $"'{f.CurrencyCode}' is not a supported ISO 4217 currency code.");
        RuleFor(f => f.AcceptedCurrencyCodes)
            .Must((f, _) => f.AcceptedCurrencyList().All(Currencies.IsSupported))
            .WithMessage(f => $"Not a supported currency: {string.Join(", ", f.AcceptedCurrencyList().Where(c => !Currencies.IsSupported(c)))}.");
        RuleFor(f => f.MerchantAccountReferenceId).MaximumLength(64);
        RuleFor(f => f.Weight).InclusiveBetween(0, 10_000);
        RuleFor(f => f.Credentials)
            .Must(c => c.Count > 0 && c.All(e => !string.IsNullOrWhiteSpace(e.Name) && !string.IsNullOrEmpty(e.Value)))
            .When(f => f.SendsCredentials)
            .WithMessage(f => f.Creating ? "Enter every credential: a new gateway needs them to connect." : "Enter every credential to replace them.");
        RuleForEach(f => f.Credentials).ChildRules(entry =>
        {
            entry.RuleFor(e => e.Name).Matches("^[A-Za-z][A-Za-z0-9_.-]{0,63}$").When(e => !string.IsNullOrEmpty(e.Name))
                .WithMessage("A credential name starts with a letter and holds letters, digits, '_', '.' or '-'.");
            entry.RuleFor(e => e.Value).MaximumLength(GatewayDraftValidator.MaxCredentialValueLength);
        }).When(f => f.SendsCredentials);
    }

    /// <summary>The error of one credential field, for the field itself (the form-level rule names none).</summary>
    public static string? CredentialError(GatewayForm form, CredentialEntry entry, bool isValue) =>
        !form.SendsCredentials ? null
        : isValue && string.IsNullOrEmpty(entry.Value) ? $"Enter {(string.IsNullOrWhiteSpace(entry.Name) ? "the value" : entry.Name)}."
        : !isValue && string.IsNullOrWhiteSpace(entry.Name) ? "Name the credential."
        : null;
}
