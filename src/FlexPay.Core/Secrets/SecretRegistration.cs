using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Secrets;

public static class SecretRegistration
{
    /// <summary>Registers one keyed <see cref="ISecretProtector"/> per <see cref="SecretKinds">kind</see>, made by <paramref name="create"/>(services, kind).</summary>
    public static IServiceCollection AddSecretProtectors(this IServiceCollection services, Func<IServiceProvider, string, ISecretProtector> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        foreach (var kind in SecretKinds.All)
        {
            services.AddKeyedSingleton(kind, (sp, _) => create(sp, kind));
        }
        return services;
    }
}
