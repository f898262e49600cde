using FlexPay.Core.Secrets;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FlexPay.Core.Gateways;

/// <summary>
/// Marks each gateway read from the database whose credentials this install can no longer decrypt, so every view
/// of it (the list, the API) can say "enter them again" without each one knowing how secrets are kept.
/// </summary>
internal sealed class UnreadableCredentialsMarker(ISecretProtector protector) : IMaterializationInterceptor
{
    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is Gateway { HasCredentials: true } gateway && !GatewayCredentials.CanOpen(protector, gateway.ProtectedCredentials))
        {
            gateway.MarkCredentialsUnreadable();
        }
        return entity;
    }
}
