using FlexPay.Core.Text;
using FluentValidation;

namespace FlexPay.Core.Recovery;

/// <summary>A refund of a recovered charge: <paramref name="Amount"/> in its minor units (all that remains when null), and why.</summary>
public sealed record RefundRequest(long? Amount, string? Reason);

/// <summary>The refund rules every way in shares (the REST API, the refund dialog): a positive amount, a plain reason.</summary>
public sealed class RefundRequestValidator : AbstractValidator<RefundRequest>
{
    public RefundRequestValidator()
    {
        RuleFor(r => r.Amount).GreaterThan(0).WithMessage("The amount must be more than zero.");
        RuleFor(r => r.Reason).RefundReason();
    }
}

public static class RefundRules
{
    public static IRuleBuilderOptions<T, string?> RefundReason<T>(this IRuleBuilder<T, string?> rule) =>
        rule.RequiredText(TextLimits.Reason, "Say why the charge is refunded.");
}
