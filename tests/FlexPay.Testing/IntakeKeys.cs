namespace FlexPay.Testing;

/// <summary>Intake API keys as configuration entries (<c>Intake:ApiKeys:n:Name</c>, <c>:Key</c>, <c>:Scopes:i</c>).</summary>
public static class IntakeKeys
{
    public static readonly string[] AllScopes = ["recoveries:write", "recoveries:read", "refunds:write", "gateways:write", "webhooks:write"];

    public static IEnumerable<KeyValuePair<string, string>> Entry(int index, string name, string key, params string[] scopes)
    {
        var prefix = $"Intake:ApiKeys:{index}";
        yield return new($"{prefix}:Name", name);
        yield return new($"{prefix}:Key", key);
        for (var i = 0; i < scopes.Length; i++)
        {
            yield return new($"{prefix}:Scopes:{i}", scopes[i]);
        }
    }
}

public static class ConsoleSettings
{
    /// <summary>Settings as command-line arguments of the console (<c>--Key=Value</c>).</summary>
    public static IEnumerable<string> AsArguments(this IEnumerable<KeyValuePair<string, string>> settings) =>
        settings.Select(setting => $"--{setting.Key}={setting.Value}");
}
