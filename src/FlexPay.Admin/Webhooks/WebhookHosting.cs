using FlexPay.Core.Webhooks;

namespace FlexPay.Admin.Webhooks;

internal static class WebhookHosting
{
    /// <summary>Delivers webhooks from this process; plain http to a loopback receiver is allowed in Development only.</summary>
    public static IHostApplicationBuilder AddWebhookDelivery(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.PostConfigure<WebhookOptions>(o => o.AllowLoopbackHttp = development);
        builder.Services.AddHostedService<WebhookDeliveryWorker>();
        return builder;
    }
}
