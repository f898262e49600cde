using System.Globalization;
using FlexPay.Core.Money;
using FlexPay.Core.Recovery;
using FluentValidation;

namespace FlexPay.Admin.Components.Pages.Recoveries;

/// <summary>The refund dialog's form: an amount in the charge's major units and a reason.</summary>
public sealed class RefundForm(MoneyAmount refundable)
{
    /// <summary>At most this much can be refunded (the charge minus refunds approved or in flight).</summary>
    public MoneyAmount Refundable { get; } = refundable;

    /// <summary>Major units as typed, e.g. "12.50" for USD or "1500" for JPY.</summary>
    public string Amount { get; set; } = FormatMajor(refundable);

    public string Reason { get; set; } = "";

    /// <summary>Parses <see cref="Amount"/> in the charge's currency: a point for decimals, no more decimals than the currency has.</summary>
    public bool TryGetAmount(out MoneyAmount amount) => TryParse(Amount, Refundable.CurrencyCode, out amount);

    public static bool TryParse(string? text, string currencyCode, out MoneyAmount amount)
    {
        amount = default;
        return decimal.TryParse(
                text?.Trim(),
                NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                CultureInfo.InvariantCulture,
                out var major)
            && MoneyAmount.TryParseMajor(major, currencyCode, out amount);
    }

    public static string FormatMajor(MoneyAmount amount) =>
        amount.Major.ToString("F" + amount.Currency.Exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

/// <summary>The amount as typed in the charge's currency; the reason by Core's own refund rule, as the REST API checks it.</summary>
public sealed class RefundFormValidator : AbstractValidator<RefundForm>
{
    public RefundFormValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.Amount)
            .NotEmpty().WithMessage("Enter the amount to refund.")
            .Must(IsNumber).WithMessage(f => $"Enter an amount such as {Example(f)} (a point for decimals, no thousands separators).")
            .Must((f, text) => RefundForm.TryParse(text, f.Refundable.CurrencyCode, out _)).WithMessage(f => Decimals(f))
            .Must((f, _) => f.TryGetAmount(out var amount) && amount.MinorUnits > 0).WithMessage("The amount must be more than zero.")
            .Must((f, _) => f.TryGetAmount(out var amount) && amount.MinorUnits <= f.Refundable.MinorUnits)
            .WithMessage(f => $"At most {f.Refundable} can be refunded.");
        RuleFor(f => f.Reason).RefundReason();
    }

    private static bool IsNumber(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= 0;

    private static string Example(RefundForm form) => RefundForm.FormatMajor(new MoneyAmount(1250 * form.Refundable.Currency.MinorUnitsPerMajor / 100, form.Refundable.CurrencyCode));

    private static string Decimals(RefundForm form) => form.Refundable.Currency.Exponent switch
    {
        0 => $"{form.Refundable.CurrencyCode} has no decimals; enter whole units.",
        1 => $"{form.Refundable.CurrencyCode} has one decimal.",
        var n => $"{form.Refundable.CurrencyCode} has {n} decimals at most.",
    };
}
