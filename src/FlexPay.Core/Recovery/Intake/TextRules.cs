namespace FlexPay.Core.Recovery.Intake;

/// <summary>What text the intake accepts: identifiers from a safe alphabet, free text without markup or control characters.</summary>
internal static class TextRules
{
    public const string Identifier = "^[A-Za-z0-9][A-Za-z0-9._:/#@+-]*$";

    public const string IdentifierMessage = "'{PropertyName}' may contain only letters, digits and . _ : / # @ + - (starting with a letter or digit).";

    public const string PlainMessage = "'{PropertyName}' must not contain markup (< >) or control characters.";

    public static bool IsPlain(string? text) => text is null || !text.Any(c => c is '<' or '>' || char.IsControl(c));
}
