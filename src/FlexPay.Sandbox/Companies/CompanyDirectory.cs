using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using FlexPay.Sandbox.Gateways;
using FlexPay.Sandbox.Infrastructure;
using Microsoft.Extensions.Options;

namespace FlexPay.Sandbox.Companies;

/// <summary>Maps <c>Authorization: Basic &lt;key&gt;</c> to its company; the key is used verbatim (flexpay-api.md §1).</summary>
internal sealed class CompanyDirectory(IOptions<SandboxOptions> options, TimeProvider time)
{
    private readonly HashSet<string> keys = new(options.Value.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)), StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Company> companies = new(StringComparer.Ordinal);

    public Company? Resolve(string? authorization)
    {
        const string scheme = "Basic ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var key = authorization[scheme.Length..].Trim();
        return keys.Contains(key) ? companies.GetOrAdd(key, Create) : null;
    }

    private Company Create(string key)
    {
        // The company id and the built-in gateway token derive from the key, never expose it.
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        return new Company(id, Gateway.BuiltIn(Tokens.Derive("flexpay-sandbox-gateway:" + id), time.GetUtcNow()));
    }
}
