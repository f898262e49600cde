using FlexPay.Core.Accounts;
using FlexPay.Core.Money;
using FluentValidation;

namespace FlexPay.Core.Gateways;

/// <summary>Every rule names its field. On creation name, type and currency are required; on a change, only what is given is checked.</summary>
public sealed class GatewayDraftValidator : AbstractValidator<GatewayDraft>
{
    public const int MaxNameLength = 100;
    public const int MaxCredentials = 30;
    public const int MaxCredentialValueLength = 2048;

    private const string CredentialKeyPattern = "^[A-Za-z][A-Za-z0-9_.-]{0,63}$";

    public GatewayDraftValidator(IFlexPayAccounts accounts, bool creating)
    {
        if (creating)
        {
            RuleFor(d => d.Name).NotEmpty();
            RuleFor(d => d.GatewayType).NotEmpty();
            RuleFor(d => d.CurrencyCode).NotEmpty();
        }
        else
        {
            RuleFor(d => d.Enabled).Null().WithMessage("Use the enable and disable actions to change whether a gateway takes charges.");
        }

        RuleFor(d => d.Name).MaximumLength(MaxNameLength).Must(IsPlain).WithMessage(PlainMessage)
            .Must(n => n is null || n.Trim().Length > 0).WithMessage("'Name' must not be blank.");
        RuleFor(d => d.Company).Must(c => c is null || accounts.Exists(c))
            .WithMessage(d => $"There is no FlexPay account named '{d.Company}'.");
        RuleFor(d => d.GatewayType).Must(t => t is null || GatewayTypes.IsKnown(t))
            .WithMessage(d => $"'{d.GatewayType}' is not a FlexPay gateway type (e.g. nmi, stripe, authorize_net, flexpay_sandbox).");
        RuleFor(d => d.MerchantAccountReferenceId).MaximumLength(64).Must(IsPlain).WithMessage(PlainMessage);
        RuleFor(d => d.CurrencyCode).Must(c => c is null || Currencies.IsSupported(c))
            .WithMessage(d => $"'{d.CurrencyCode}' is not a supported ISO 4217 currency code.");
        RuleFor(d => d.AcceptedCurrencyCodes).Must(c => c is null || c.Count <= 50).WithMessage("At most 50 accepted currencies.");
        RuleForEach(d => d.AcceptedCurrencyCodes).Must(c => c is not null && Currencies.IsSupported(c))
            .WithMessage((_, c) => $"'{c}' is not a supported ISO 4217 currency code.");
        RuleFor(d => d.Weight).InclusiveBetween(0, 10_000);
        RuleFor(d => d.ApprovedChargeOrCaptureRateFee).InclusiveBetween(0m, 100m);
        RuleFor(d => d.ApprovedChargeOrCaptureFlatFee).InclusiveBetween(0m, 1_000_000m);
        RuleFor(d => d.OtherTransactionFlatFee).InclusiveBetween(0m, 1_000_000m);
        RuleFor(d => d.Credentials).Must(c => c is null || c.Count <= MaxCredentials)
            .WithMessage($"At most {MaxCredentials} credentials.");
        // Messages name the credential, never its value.
        RuleForEach(d => d.Credentials)
            .Must(p => System.Text.RegularExpressions.Regex.IsMatch(p.Key ?? "", CredentialKeyPattern))
            .WithMessage((_, p) => $"Credential name '{Shorten(p.Key)}' must start with a letter and hold at most 64 letters, digits, '_', '.' or '-'.")
            .Must(p => p.Value is not null && p.Value.Length <= MaxCredentialValueLength && !p.Value.Any(char.IsControl))
            .WithMessage((_, p) => $"Credential '{Shorten(p.Key)}' needs a value of at most {MaxCredentialValueLength} characters without control characters.");
    }

    private const string PlainMessage = "'{PropertyName}' must not contain markup (< >) or control characters.";

    private static bool IsPlain(string? text) => text is null || !text.Any(c => c is '<' or '>' || char.IsControl(c));

    private static string Shorten(string? key) => key is null ? "" : key.Length <= 64 ? key : key[..64] + "…";
}
