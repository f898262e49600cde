using System.Text.Json.Serialization;
using FlexPay.Admin.Api.Gateways;
using FlexPay.Admin.Api.Recoveries;

namespace FlexPay.Admin.Api;

internal static class ApiRegistration
{
    public static IHostApplicationBuilder AddIntakeApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IntakeApiOptions>().BindConfiguration(IntakeApiOptions.SectionName)
            .Validate(o => o.MaxBodyBytes > 0, "Intake:MaxBodyBytes must be more than zero.")
            .Validate(o => o.ApiKeys.All(key => !string.IsNullOrWhiteSpace(key)), "Intake:ApiKeys must not hold an empty key.")
            .ValidateOnStart();
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
        app.MapOpenApi();
        app.MapRecoveryApi();
        app.MapGatewayApi();
        return app;
    }
}
