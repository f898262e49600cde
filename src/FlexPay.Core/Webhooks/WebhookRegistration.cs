using FlexPay.Core.Persistence;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Core.Webhooks;

internal static class WebhookRegistration
{
    /// <summary>The endpoints' service and the dispatcher. The host runs <see cref="WebhookDeliveryWorker"/> when it should deliver.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName)
            .Validate(o => o.Timeout > TimeSpan.Zero, "Webhooks:Timeout must be longer than zero.")
            .Validate(o => o.FirstRetryDelay > TimeSpan.Zero, "Webhooks:FirstRetryDelay must be longer than zero.")
            .Validate(o => o.MaxRetryDelay >= o.FirstRetryDelay, "Webhooks:MaxRetryDelay must be at least Webhooks:FirstRetryDelay.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Webhooks:PollInterval must be longer than zero.")
            .Validate(o => o.MaxParallelDeliveries > 0, "Webhooks:MaxParallelDeliveries must be more than zero.")
            .Validate(o => o.BatchSize > 0, "Webhooks:BatchSize must be more than zero.")
            .ValidateOnStart();
        // A receiver's redirect is an answer, not a new target: the console posts only where it was told to.
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<IValidator<WebhookDraft>, WebhookDraftValidator>();
        services.AddTransient<WebhookService>();
        services.AddTransient<WebhookDispatcher>();
        services.AddSingleton<OneNodeAtATime>();
        return services;
    }
}
