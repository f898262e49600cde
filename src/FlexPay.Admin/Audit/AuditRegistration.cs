using FlexPay.Core.Audit;

namespace FlexPay.Admin.Audit;

internal static class AuditRegistration
{
    public static IHostApplicationBuilder AddConsoleAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentActor, RequestActor>();
        builder.Services.AddTransient<AuditLogQuery>();
        return builder;
    }
}
