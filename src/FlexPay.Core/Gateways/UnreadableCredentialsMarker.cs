using FlexPay.Core.Secrets;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Gateways;

/// <summary>
/// Marks each gateway read from the database whose credentials this install can no longer decrypt, so every view
/// of it (the list, the API) can say "enter them again" without each one knowing how secrets are kept.
/// </summary>
internal sealed class UnreadableCredentialsMarker : IMaterializationInterceptor
{
    /// <summary>
    /// One instance for every app in the process: EF Core builds its internal services once per distinct interceptor,
    /// so the protector is taken from the app the context belongs to, not held here.
    /// </summary>
    public static readonly UnreadableCredentialsMarker Instance = new();

    private UnreadableCredentialsMarker()
    {
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is Gateway { HasCredentials: true } gateway
            && materializationData.Context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider is { } app
            && !GatewayCredentials.CanOpen(app.GetRequiredKeyedService<ISecretProtector>(SecretKinds.GatewayCredentials), gateway.ProtectedCredentials))
        {
            gateway.MarkCredentialsUnreadable();
        }
        return entity;
    }
}
