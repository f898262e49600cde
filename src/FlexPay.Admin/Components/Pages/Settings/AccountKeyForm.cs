using FlexPay.Core.Accounts;
using FlexPay.Core.Text;
using FluentValidation;

namespace FlexPay.Admin.Components.Pages.Settings;

/// <summary>A FlexPay key to add (company, mode, key) or to replace (key only).</summary>
public sealed class AccountKeyForm
{
    public bool Adding { get; init; } = true;

    public string? Company { get; set; }

    public FlexPayMode Mode { get; set; } = FlexPayMode.Sandbox;

    public string? ApiKey { get; set; }
}

public sealed class AccountKeyFormValidator : AbstractValidator<AccountKeyForm>
{
    public AccountKeyFormValidator()
    {
        RuleFor(f => f.Company).NotEmpty().WithMessage("Name the company the key belongs to.")
            .MaximumLength(TextLimits.Company)
            .Matches("^[A-Za-z0-9][A-Za-z0-9 _.-]*$").WithMessage("Letters, digits, spaces, '_', '.' or '-', starting with a letter or digit.")
            .When(f => f.Adding);
        RuleFor(f => f.ApiKey).NotEmpty().WithMessage("Paste the API key from FlexPay's portal.")
            .MaximumLength(TextLimits.FlexPayApiKey)
            .Must(k => k is null || !k.Any(char.IsWhiteSpace)).WithMessage("An API key has no spaces or line breaks.");
    }
}
