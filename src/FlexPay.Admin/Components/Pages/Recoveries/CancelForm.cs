using FluentValidation;

namespace FlexPay.Admin.Components.Pages.Recoveries;

/// <summary>Why staff stop a recovery; kept with the chain's state reason.</summary>
public sealed class CancelForm
{
    public string Reason { get; set; } = "";
}

public sealed class CancelFormValidator : AbstractValidator<CancelForm>
{
    public CancelFormValidator()
    {
        RuleFor(f => f.Reason)
            .NotEmpty().WithMessage("Say why the recovery is cancelled.")
            .MaximumLength(500).WithMessage("Keep the reason under 500 characters.");
    }
}
