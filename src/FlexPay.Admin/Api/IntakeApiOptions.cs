using System.Security.Cryptography;
using System.Text;

namespace FlexPay.Admin.Api;

public sealed class IntakeApiOptions
{
    public const string SectionName = "Intake";

    /// <summary>
    /// Keys the billing system may present in <c>X-Api-Key</c>, read by <see cref="IntakeApiKeys.Read"/> from
    /// <c>Intake:ApiKeys</c>: entries with <c>Name</c>, <c>Key</c> and <c>Scopes</c>, or (deprecated) plain strings.
    /// </summary>
    public IReadOnlyList<IntakeApiKey> ApiKeys { get; set; } = [];

    /// <summary>Largest request body accepted, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 32 * 1024;

    /// <summary>Refused keys one client address may present per minute; past that its requests get 429 until the minute is over.</summary>
    public int RefusedKeysPerMinute { get; set; } = 10;
}

/// <summary>One configured key: its name (what logs and the audit trail show), the secret, and what it may do.</summary>
public sealed record IntakeApiKey(string Name, string Key, IReadOnlySet<string> Scopes, bool IsPlainString)
{
    public bool Allows(RequiredScope required) => required.Scope is null || Scopes.Contains(required.Scope);

    /// <summary>How a key that is not configured appears in the log: a short hash, never the key.</summary>
    public static string Fingerprint(string presented) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(presented)))[..12];

    public override string ToString() => $"{nameof(IntakeApiKey)} {{ Name = {Name}, Scopes = [{string.Join(", ", Scopes)}] }}";
}

public static class IntakeApiKeys
{
    /// <summary>
    /// Reads <c>Intake:ApiKeys</c>. A plain string keeps its old meaning (every scope) for one release; its name is
    /// its <see cref="IntakeApiKey.Fingerprint"/>. Problems are returned by setting, for a refusal to start.
    /// </summary>
    public static IReadOnlyList<IntakeApiKey> Read(IConfigurationSection section, out IReadOnlyList<(string Setting, string Problem)> problems)
    {
        var keys = new List<IntakeApiKey>();
        var found = new List<(string, string)>();
        foreach (var entry in section.GetChildren())
        {
            if (!entry.GetChildren().Any())
            {
                if (!string.IsNullOrWhiteSpace(entry.Value))
                {
                    keys.Add(new IntakeApiKey(IntakeApiKey.Fingerprint(entry.Value), entry.Value, ApiScopes.All.ToHashSet(StringComparer.Ordinal), IsPlainString: true));
                }
                continue;
            }
            var name = entry["Name"];
            var key = entry["Key"];
            var scopes = entry.GetSection("Scopes").GetChildren().Select(s => s.Value ?? "").ToList();
            if (string.IsNullOrWhiteSpace(name))
            {
                found.Add((entry.Path + ":Name", "every key needs a name (what logs and the audit trail show)."));
            }
            if (string.IsNullOrWhiteSpace(key))
            {
                found.Add((entry.Path + ":Key", "the key itself is missing."));
            }
            if (scopes.Count == 0 || scopes.Any(s => !ApiScopes.IsScope(s)))
            {
                found.Add((entry.Path + ":Scopes", $"list one or more of {string.Join(", ", ApiScopes.All)}."));
            }
            if (!string.IsNullOrWhiteSpace(name) && !string.IsNullOrWhiteSpace(key))
            {
                keys.Add(new IntakeApiKey(name.Trim(), key, scopes.Where(ApiScopes.IsScope).ToHashSet(StringComparer.Ordinal), IsPlainString: false));
            }
        }
        foreach (var duplicate in keys.GroupBy(k => k.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            found.Add((section.Path, $"two keys are named '{duplicate.Key}'; names tell them apart in the log."));
        }
        problems = found;
        return keys;
    }
}
