using FlexPay.Sandbox.Chains;
using FlexPay.Sandbox.Companies;
using FlexPay.Sandbox.Faults;
using FlexPay.Sandbox.Gateways;
using FlexPay.Sandbox.Infrastructure;
using FlexPay.Sandbox.Inspection;
using FlexPay.Sandbox.Transactions;
using FlexPay.Sandbox.Vault;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlexPay.Sandbox;

/// <summary>Registers and maps the FlexPay sandbox emulator, in the Admin app or alone.</summary>
public static class SandboxRegistration
{
    public static IHostApplicationBuilder AddFlexPaySandbox(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Sandbox");
        builder.Services.AddOptions<SandboxOptions>()
            .Configure(options =>
            {
                section.Bind(options);
                // The binder appends configured array items to the default key; configured keys replace it instead.
                var keys = section.GetSection(nameof(SandboxOptions.ApiKeys)).GetChildren()
                    .Select(k => k.Value)
                    .OfType<string>()
                    .ToArray();
                if (keys.Length > 0)
                {
                    options.ApiKeys = keys;
                }
            })
            .Validate(o => o.LogCapacity > 0, "Sandbox:LogCapacity must be at least 1.")
            .Validate(o => o.MaxRequestBodyBytes > 0, "Sandbox:MaxRequestBodyBytes must be at least 1.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CompanyDirectory>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<FaultState>();
        builder.Services.AddSingleton<RetryPolicy>();
        builder.Services.AddSingleton<ChargeProcessor>();
        builder.Services.AddSingleton<FollowUpProcessor>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFlexPaySandbox(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        var root = endpoints.MapGroup(prefix);
        root.AddEndpointFilter<RequestBodyLimitFilter>();
        root.MapGet("/api/test", HealthCheck);
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<SandboxOptions>>().Value.Inspection)
        {
            root.MapInspection();
            root.MapFaults();
        }

        var v1 = root.MapGroup("/v1");
        v1.AddEndpointFilter<ApiFilter>();
        v1.MapTransactions();
        v1.MapGateways();
        v1.MapVault();
        v1.Map("/{**path}", () => SandboxJson.Error(StatusCodes.Status404NotFound, "No such FlexPay API resource."));
        return endpoints;
    }

    /// <summary>§1's health check, without /v1; it checks the key too, so a client can test its configuration.</summary>
    private static IResult HealthCheck(HttpContext http, CompanyDirectory companies) =>
        companies.Resolve(http.Request.Headers.Authorization.ToString()) is null
            ? SandboxJson.Error(StatusCodes.Status401Unauthorized, "Authorization has been denied for this request.")
            : SandboxJson.Ok(new MessageBody("Your client successfully connects with FlexPay!"));
}
