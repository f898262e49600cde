using System.Buffers;
using System.Text;
using FluentValidation;

namespace FlexPay.Core.Text;

/// <summary>
/// What text the console accepts, the one rule for every way in (the REST API, the screens, the services):
/// identifiers from a safe alphabet; free text without markup or anything that hides or reorders what staff read.
/// </summary>
public static class TextRules
{
    public const string Identifier = "^[A-Za-z0-9][A-Za-z0-9._:/#@+-]*$";

    public const string IdentifierMessage = "'{PropertyName}' may contain only letters, digits and . _ : / # @ + - (starting with a letter or digit).";

    public const string PlainMessage =
        "'{PropertyName}' must not contain markup (< >), control characters, bidirectional overrides or isolates, or zero-width characters.";

    /// <summary>
    /// True unless the text holds markup, a control character, a bidirectional override or isolate (U+202A–U+202E,
    /// U+2066–U+2069: a name could display as another's), a zero-width character (U+200B–U+200D, U+2060, U+FEFF) or
    /// half a surrogate pair.
    /// </summary>
    public static bool IsPlain(string? text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var length) != OperationStatus.Done || IsRefused(rune))
            {
                return false;
            }
            rest = rest[length..];
        }
        return true;
    }

    /// <summary>Refuses what <see cref="IsPlain"/> refuses, with a message naming the field.</summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsPlain).WithMessage(PlainMessage);

    /// <summary>Free text that must be given: not blank, at most <paramref name="maxLength"/> characters, plain.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int maxLength, string missingMessage) =>
        rule.NotEmpty().WithMessage(missingMessage)
            .MaximumLength(maxLength).WithMessage($"Keep '{{PropertyName}}' to {maxLength} characters.")
            .PlainText();

    /// <summary>An identifier: <see cref="Identifier"/>'s alphabet, at most <paramref name="maxLength"/> characters.</summary>
    public static IRuleBuilderOptions<T, string?> IdentifierText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength).Matches(Identifier).WithMessage(IdentifierMessage);

    private static bool IsRefused(Rune rune) =>
        Rune.IsControl(rune) || rune.Value is '<' or '>' or (>= 0x200B and <= 0x200D) or 0x2060 or 0xFEFF or (>= 0x202A and <= 0x202E)
            or (>= 0x2066 and <= 0x2069);
}
