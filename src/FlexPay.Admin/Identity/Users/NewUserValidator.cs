using FlexPay.Core.Text;
using FluentValidation;

namespace FlexPay.Admin.Identity.Users;

/// <summary>The same rules Identity enforces, said on the field before the form is sent.</summary>
public sealed class NewUserValidator : AbstractValidator<NewUser>
{
    public NewUserValidator()
    {
        // One message per field at a time: the first thing to fix.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(u => u.Email)
            .NotEmpty().WithMessage("Enter the person's email address.")
            .MaximumLength(TextLimits.Actor).WithMessage($"An email address has at most {TextLimits.Actor} characters.")
            .EmailAddress().WithMessage("This is not an email address.")
            .PlainText();
        RuleFor(u => u.Password)
            .NotEmpty().WithMessage("Choose an initial password.")
            .MinimumLength(SignInRules.MinPasswordLength).WithMessage($"Use at least {SignInRules.MinPasswordLength} characters.")
            .Matches("[a-z]").WithMessage("Add a lower-case letter.")
            .Matches("[A-Z]").WithMessage("Add an upper-case letter.")
            .Matches("[0-9]").WithMessage("Add a digit.")
            .Matches("[^a-zA-Z0-9]").WithMessage("Add a symbol such as ! or #.");
        RuleFor(u => u.Role)
            .Must(Roles.IsRole).WithMessage("Pick a role.");
    }
}
