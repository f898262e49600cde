using FlexPay.Core.Text;
using FluentValidation;

namespace FlexPay.Core.Recovery;

/// <summary>Why a recovery is stopped; kept with the chain's state reason.</summary>
public sealed record CancelRequest(string? Reason);

/// <summary>The cancel rules every way in shares (the REST API, the cancel dialog).</summary>
public sealed class CancelRequestValidator : AbstractValidator<CancelRequest>
{
    public CancelRequestValidator() => RuleFor(r => r.Reason).CancelReason();
}

public static class CancelRules
{
    public static IRuleBuilderOptions<T, string?> CancelReason<T>(this IRuleBuilder<T, string?> rule) =>
        rule.RequiredText(TextLimits.Reason, "Say why the recovery is cancelled.");
}
