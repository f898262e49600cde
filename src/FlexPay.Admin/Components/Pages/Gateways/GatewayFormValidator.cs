using FlexPay.Core.Accounts;
using FlexPay.Core.Gateways;
using FluentValidation;

namespace FlexPay.Admin.Components.Pages.Gateways;

/// <summary>
/// What the gateway dialog checks as staff type: what saving would send, by Core's <see cref="GatewayDraftValidator"/>
/// (so the dialog and the REST API refuse the same input in the same words), plus the one rule only the dialog
/// knows: every credential the gateway type needs, on creation and when replacing them.
/// </summary>
public sealed class GatewayFormValidator : AbstractValidator<GatewayForm>
{
    public GatewayFormValidator(IFlexPayAccounts accounts)
    {
        RuleFor(f => f.ToDraft()).SetValidator((form, _) => new GatewayDraftValidator(accounts, form.Creating))
            .OverridePropertyName(nameof(GatewayForm.Draft));
        RuleFor(f => f.Draft.Company).NotEmpty().WithMessage("Choose the FlexPay account (company).")
            .OverridePropertyName($"{nameof(GatewayForm.Draft)}.{nameof(GatewayDraft.Company)}");
        RuleFor(f => f.Credentials)
            .Must(c => c.Count > 0 && c.All(e => !string.IsNullOrWhiteSpace(e.Name) && !string.IsNullOrEmpty(e.Value)))
            .When(f => f.SendsCredentials)
            .WithMessage(f => f.Creating ? "Enter every credential: a new gateway needs them to connect." : "Enter every credential to replace them.");
    }

    /// <summary>The error of one credential field, for the field itself (the form-level rule names none).</summary>
    public static string? CredentialError(GatewayForm form, CredentialEntry entry, bool isValue) =>
        !form.SendsCredentials ? null
        : isValue && string.IsNullOrEmpty(entry.Value) ? $"Enter {(string.IsNullOrWhiteSpace(entry.Name) ? "the value" : entry.Name)}."
        : !isValue && string.IsNullOrWhiteSpace(entry.Name) ? "Name the credential."
        : null;
}
