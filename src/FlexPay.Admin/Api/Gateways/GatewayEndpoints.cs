using FlexPay.Core.Gateways;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Api.Gateways;

/// <summary>
/// Gateway management over REST, beside the intake API and with its key. The logic lives in Core's
/// <see cref="GatewayService"/> and <see cref="GatewayReconciler"/>, which the admin screens share.
/// </summary>
internal static class GatewayEndpoints
{
    public static IEndpointRouteBuilder MapGatewayApi(this IEndpointRouteBuilder app)
    {
        // Reading gateways needs the same scope as changing them: the key of whoever manages them.
        var api = app.MapGroup("/api/v1/gateways").AddEndpointFilter<ApiKeyFilter>().RequireScope(ApiScopes.GatewaysWrite).WithTags("Gateways");
        api.MapGet("/", ListAsync).WithSummary("Every gateway with its FlexPay token and sync state (never its credentials).")
            .Produces<IReadOnlyList<GatewayView>>();
        api.MapGet("/{id:guid}", GetAsync).WithSummary("One gateway.")
            .Produces<GatewayView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", CreateAsync).WithSummary("Define a gateway (disabled unless enabled is true; enabling creates it at FlexPay).")
            .Accepts<GatewayDraft>("application/json").Produces<GatewayView>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapPut("/{id:guid}", UpdateAsync).WithSummary("Change a gateway; members left out stay; credentials, when given, replace all of them.")
            .Accepts<GatewayDraft>("application/json").Produces<GatewayView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/enable", EnableAsync).WithSummary("Enable: create at FlexPay (status Available), or set Available again.")
            .Produces<GatewayView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/disable", DisableAsync)
            .WithSummary("Disable: RefundOnly at FlexPay. 409 listing the open recoveries it would decline, unless confirm=true.")
            .Produces<GatewayView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/sync", RetrySyncAsync).WithSummary("Try a failed or pending sync again now.")
            .Produces<GatewayView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/reconcile", ReconcileAsync).WithSummary("Compare our gateways with FlexPay's list and report drift.")
            .Produces<GatewayDriftReport>();
        return app;
    }

    private static async Task<IResult> ListAsync(string? company, GatewayService gateways, CancellationToken ct) =>
        Results.Ok((await gateways.ListAsync(company, ct)).Select(GatewayView.From).ToList());

    private static Task<IResult> GetAsync(Guid id, GatewayService gateways, CancellationToken ct) =>
        RunAsync(id, async () => Results.Ok(GatewayView.From(await gateways.GetAsync(id, ct))));

    private static async Task<IResult> CreateAsync(
        HttpRequest request, GatewayService gateways, IOptions<IntakeApiOptions> limits, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<GatewayDraft>(request, limits.Value.MaxBodyBytes, json.Value.SerializerOptions);
        if (problem is not null)
        {
            return problem;
        }
        var result = await gateways.CreateAsync(body!, ct);
        return result.IsValid
            ? Results.Created($"/api/v1/gateways/{result.Gateway!.Id}", GatewayView.From(result.Gateway))
            : Results.ValidationProblem(result.Errors, title: "The gateway cannot be saved as sent; nothing was stored");
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, HttpRequest request, GatewayService gateways, IOptions<IntakeApiOptions> limits, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<GatewayDraft>(request, limits.Value.MaxBodyBytes, json.Value.SerializerOptions);
        if (problem is not null)
        {
            return problem;
        }
        return await RunAsync(id, async () =>
        {
            var result = await gateways.UpdateAsync(id, body!, ct);
            return result.IsValid
                ? Results.Ok(GatewayView.From(result.Gateway!))
                : Results.ValidationProblem(result.Errors, title: "The change cannot be saved as sent; nothing was changed");
        });
    }

    private static Task<IResult> EnableAsync(Guid id, GatewayService gateways, CancellationToken ct) =>
        RunAsync(id, async () => Results.Ok(GatewayView.From(await gateways.EnableAsync(id, ct))));

    private static Task<IResult> DisableAsync(Guid id, bool? confirm, GatewayService gateways, CancellationToken ct) =>
        RunAsync(id, async () =>
        {
            var result = await gateways.DisableAsync(id, confirm == true, ct);
            if (result.Disabled)
            {
                return Results.Ok(GatewayView.From(result.Gateway));
            }
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Scheduled retries would be declined",
                detail: $"{result.BoundChains.Count} open recoveries will send their next attempt with this gateway's token; "
                    + "RefundOnly makes FlexPay decline them (50156). Send the request again with ?confirm=true to disable anyway.",
                extensions: new Dictionary<string, object?> { ["boundChains"] = result.BoundChains });
        });

    private static Task<IResult> RetrySyncAsync(Guid id, GatewayService gateways, CancellationToken ct) =>
        RunAsync(id, async () => Results.Ok(GatewayView.From(await gateways.RetrySyncAsync(id, ct))));

    private static async Task<IResult> ReconcileAsync(GatewayReconciler reconciler, CancellationToken ct) =>
        Results.Ok(await reconciler.ReconcileAsync(ct));

    private static async Task<IResult> RunAsync(Guid id, Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (GatewayNotFoundException)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such gateway", detail: $"Gateway {id} does not exist.");
        }
        catch (GatewayRuleException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed", detail: ex.Message);
        }
    }
}
