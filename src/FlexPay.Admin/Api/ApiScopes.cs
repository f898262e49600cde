namespace FlexPay.Admin.Api;

/// <summary>
/// What an intake API key may do. Each endpoint names the one scope it needs (<see cref="RequiredScope"/>); a key
/// holds the scopes its <c>Intake:ApiKeys</c> entry lists, so the billing system's key need not be able to refund.
/// </summary>
public static class ApiScopes
{
    /// <summary>Hand over payments and cancel recoveries.</summary>
    public const string RecoveriesWrite = "recoveries:write";

    /// <summary>Read recoveries, their attempts and refunds.</summary>
    public const string RecoveriesRead = "recoveries:read";

    /// <summary>Refund recovered charges.</summary>
    public const string RefundsWrite = "refunds:write";

    /// <summary>Read, define, change, enable, disable, sync and reconcile gateways.</summary>
    public const string GatewaysWrite = "gateways:write";

    /// <summary>Register and change webhooks.</summary>
    public const string WebhooksWrite = "webhooks:write";

    public static IReadOnlyList<string> All { get; } = [RecoveriesWrite, RecoveriesRead, RefundsWrite, GatewaysWrite, WebhooksWrite];

    public static bool IsScope(string? scope) => scope is not null && All.Contains(scope, StringComparer.Ordinal);
}

/// <summary>
/// Endpoint metadata: the scope a key needs (null: any valid key). Read by <see cref="ApiKeyFilter"/>, which refuses
/// an endpoint that declares none, so a new endpoint cannot be open by omission.
/// </summary>
public sealed record RequiredScope(string? Scope)
{
    public static readonly RequiredScope AnyKey = new((string?)null);
}

public static class RequiredScopeExtensions
{
    /// <summary>Only keys holding <paramref name="scope"/> (one of <see cref="ApiScopes"/>) reach the endpoint; others get 403.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder endpoint, string scope) where TBuilder : IEndpointConventionBuilder
    {
        if (!ApiScopes.IsScope(scope))
        {
            throw new ArgumentException($"'{scope}' is not an API scope.", nameof(scope));
        }
        return endpoint.WithMetadata(new RequiredScope(scope));
    }

    /// <summary>Any valid key reaches the endpoint (the OpenAPI document outside Development).</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(RequiredScope.AnyKey);
}
