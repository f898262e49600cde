using System.Text.RegularExpressions;
using FlexPay.Core.Accounts;
using FlexPay.Core.Text;
using FluentValidation;

namespace FlexPay.Core.Gateways;

/// <summary>
/// Every rule names its field: the settings' own (<see cref="GatewayProfileValidator"/>), then the name, the
/// account and the credentials. A draft is always whole (a change is the gateway's draft with what changes).
/// </summary>
public sealed partial class GatewayDraftValidator : AbstractValidator<GatewayDraft>
{
    public const int MaxCredentials = 30;

    public GatewayDraftValidator(IFlexPayAccounts accounts, bool creating)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        Include(new GatewayProfileValidator());
        if (!creating)
        {
            RuleFor(d => d.Enabled).Null().WithMessage("Use the enable and disable actions to change whether a gateway takes charges.");
        }

        RuleFor(d => d.Name).NotEmpty().WithMessage("Give the gateway a name.").MaximumLength(TextLimits.GatewayName).PlainText();
        RuleFor(d => d.Company).Must(c => c is null || accounts.Exists(c))
            .WithMessage(d => $"There is no FlexPay account named '{d.Company}'.");
        RuleFor(d => d.Credentials).Must(c => c is null || c.Count <= MaxCredentials)
            .WithMessage($"At most {MaxCredentials} credentials.");
        // Messages name the credential, never its value.
        RuleForEach(d => d.Credentials)
            .Must(p => CredentialName().IsMatch(p.Key ?? ""))
            .WithMessage((_, p) => $"Credential name '{Shorten(p.Key)}' must start with a letter and hold at most 64 letters, digits, '_', '.' or '-'.")
            .Must(p => p.Value is not null && p.Value.Length <= TextLimits.CredentialValue && !p.Value.Any(char.IsControl))
            .WithMessage((_, p) => $"Credential '{Shorten(p.Key)}' needs a value of at most {TextLimits.CredentialValue} characters without control characters.");
    }

    private static string Shorten(string? key) => key is null ? "" : key.Length <= 64 ? key : key[..64] + "…";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex CredentialName();
}
