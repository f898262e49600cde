using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FlexPay.Sandbox.Tests.Support;

/// <summary>
/// Compares a whole JSON answer with the expected one: the same members at every level (absent is not
/// null), each with the same value. Where the emulator generates a value, the expected one names its kind.
/// </summary>
public static partial class WholeAnswer
{
    /// <summary>A FlexPay id: 26 upper-case base32 characters.</summary>
    public const string AnyToken = "<token>";

    /// <summary>A GUID in its usual text form, e.g. a generated customer id.</summary>
    public const string AnyGuid = "<guid>";

    /// <summary>A referenceData value: base64 of 44 bytes (§4.10).</summary>
    public const string AnyReferenceData = "<referenceData>";

    public static void Equal(JsonNode expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare("$", expected, actual, differences);
        Assert.True(differences.Count == 0, string.Join('\n', differences) + "\nactual: " + actual?.ToJsonString());
    }

    private static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        switch (expected)
        {
            case JsonObject members:
                if (actual is not JsonObject actualMembers)
                {
                    differences.Add($"{path}: expected an object, got {Describe(actual)}");
                    return;
                }
                foreach (var missing in members.Select(m => m.Key).Except(actualMembers.Select(m => m.Key)))
                {
                    differences.Add($"{path}.{missing}: missing");
                }
                foreach (var extra in actualMembers.Select(m => m.Key).Except(members.Select(m => m.Key)))
                {
                    differences.Add($"{path}.{extra}: not expected, got {Describe(actualMembers[extra])}");
                }
                foreach (var (name, member) in members.Where(m => actualMembers.ContainsKey(m.Key)))
                {
                    Compare($"{path}.{name}", member, actualMembers[name], differences);
                }
                return;
            case JsonValue marker when marker.TryGetValue<string>(out var kind) && IsKind(kind):
                if (actual is not JsonValue text || !text.TryGetValue<string>(out var value) || !Matches(kind, value))
                {
                    differences.Add($"{path}: expected {kind}, got {Describe(actual)}");
                }
                return;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    differences.Add($"{path}: expected {Describe(expected)}, got {Describe(actual)}");
                }
                return;
        }
    }

    private static bool IsKind(string text) => text is AnyToken or AnyGuid or AnyReferenceData;

    private static bool Matches(string kind, string value) => kind switch
    {
        AnyToken => Token().IsMatch(value),
        AnyGuid => Guid.TryParseExact(value, "D", out _),
        _ => IsReferenceData(value),
    };

    private static bool IsReferenceData(string value)
    {
        var bytes = new byte[64];
        return Convert.TryFromBase64String(value, bytes, out var written) && written == 44;
    }

    private static string Describe(JsonNode? node) => node is null ? "null" : $"{node.ToJsonString()} ({node.GetValueKind()})";

    [GeneratedRegex("^[A-Z2-7]{26}$")]
    private static partial Regex Token();
}
