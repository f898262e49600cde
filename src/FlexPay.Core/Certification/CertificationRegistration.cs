using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Certification;

public static class CertificationRegistration
{
    public static IServiceCollection AddCertification(this IServiceCollection services)
    {
        services.AddScoped<CertificationScope>();
        services.AddSingleton<CertificationRunsInProcess>();
        services.AddTransient<CertificationCleanup>();
        services.AddTransient<CertificationContext>();
        services.AddTransient<CertificationRunner>();
        services.AddTransient<ICertificationScenario, SoftDeclineScenario>();
        services.AddTransient<ICertificationScenario, HardDeclineScenario>();
        services.AddTransient<ICertificationScenario, RecoveryScenario>();
        services.AddTransient<ICertificationScenario, PaymentLogicScenario>();
        services.AddTransient<ICertificationScenario, RefundScenario>();
        services.AddTransient<ICertificationScenario, GatewayLifecycleScenario>();
        services.AddTransient<ICertificationScenario, GatewayRoutingScenario>();
        return services;
    }
}
