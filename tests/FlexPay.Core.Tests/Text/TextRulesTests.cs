using FlexPay.Core.Text;

namespace FlexPay.Core.Tests.Text;

/// <summary>The one rule for free text: nothing that hides or reorders what staff read, in any language.</summary>
public sealed class TextRulesTests
{
    // Code points, not strings: the test runner would turn half a surrogate pair into U+FFFD on its way to the test.
    public static TheoryData<int> Refused => new()
    {
        0x0000, 0x0007, '\t', '\n', 0x001B, 0x007F, 0x0085, 0x009B,
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
        0x2066, 0x2067, 0x2068, 0x2069,
        0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF,
        0xD800, 0xDC00,
        '<', '>',
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Control_bidi_override_zero_width_markup_and_broken_characters_are_refused_anywhere_in_the_text(int codePoint)
    {
        var character = ((char)codePoint).ToString();
        Assert.False(TextRules.IsPlain(character));
        Assert.False(TextRules.IsPlain($"MID Boston{character}"));
        Assert.False(TextRules.IsPlain($"{character}MID Boston"));
        Assert.False(TextRules.IsPlain($"MID {character}Boston"));
    }

    [Theory]
    [InlineData("MID Boston")]
    [InlineData("Zoë Ångström-Müller")]
    [InlineData("株式会社 東京")]
    [InlineData("שלום עולם")]
    [InlineData("مرحبا")]
    [InlineData("Goodwill 👍 refund")]
    [InlineData("Customer asked, 50% off & \"loyal\"")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_in_any_script_with_punctuation_and_emoji_is_plain(string? text) => Assert.True(TextRules.IsPlain(text));
}
