using FlexPay.Core.Recovery;
using FluentValidation;

namespace FlexPay.Admin.Components.Pages.Recoveries;

/// <summary>Why staff stop a recovery; kept with the chain's state reason.</summary>
public sealed class CancelForm
{
    public string Reason { get; set; } = "";
}

/// <summary>Core's own cancel rule, as the REST API checks it.</summary>
public sealed class CancelFormValidator : AbstractValidator<CancelForm>
{
    public CancelFormValidator() => RuleFor(f => f.Reason).CancelReason();
}
