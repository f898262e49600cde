using System.Text.Json.Serialization;
using FlexPay.Admin.Api.Gateways;
using FlexPay.Admin.Api.Recoveries;
using FlexPay.Admin.Api.Webhooks;
using FlexPay.Admin.Hosting;

namespace FlexPay.Admin.Api;

internal static class ApiRegistration
{
    public static IHostApplicationBuilder AddIntakeApi(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IntakeApiOptions.SectionName);
        var keys = IntakeApiKeys.Read(section.GetSection(nameof(IntakeApiOptions.ApiKeys)), out var problems);
        foreach (var (setting, problem) in problems)
        {
            builder.RefuseToStart(setting, problem);
        }
        foreach (var plain in keys.Where(k => k.IsPlainString))
        {
            builder.WarnAtStart(logger => ApiLog.PlainKeyDeprecated(logger, plain.Name));
        }
        builder.Services.AddOptions<IntakeApiOptions>().Configure(options =>
        {
            options.ApiKeys = keys;
            options.MaxBodyBytes = section.GetValue(nameof(IntakeApiOptions.MaxBodyBytes), options.MaxBodyBytes);
            options.RefusedKeysPerMinute = section.GetValue(nameof(IntakeApiOptions.RefusedKeysPerMinute), options.RefusedKeysPerMinute);
        })
            .Validate(o => o.MaxBodyBytes > 0, "Intake:MaxBodyBytes must be more than zero.")
            .Validate(o => o.RefusedKeysPerMinute > 0, "Intake:RefusedKeysPerMinute must be more than zero.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RefusedKeyThrottle>();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // {"amount":100,"amount":9999} would otherwise be charged as the last one: refuse to guess.
            json.SerializerOptions.AllowDuplicateProperties = false;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapIntakeApi(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi();
        }
        else
        {
            // It lists every endpoint and field: outside Development, only for holders of a key.
            app.MapGroup("").AddEndpointFilter<ApiKeyFilter>().RequireApiKey().MapOpenApi();
        }
        app.MapRecoveryApi();
        app.MapGatewayApi();
        app.MapWebhookApi();
        return app;
    }
}
