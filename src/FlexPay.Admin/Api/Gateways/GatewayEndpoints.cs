using System.Text.Json;
using System.Text.Json.Nodes;
using FlexPay.Core.Gateways;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Api.Gateways;

/// <summary>
/// Gateway management over REST, beside the intake API and with its key. The logic lives in Core's
/// <see cref="GatewayService"/> and <see cref="GatewayReconciler"/>, which the admin screens share; a missing
/// gateway (404) or a move FlexPay does not allow (409) is thrown there and answered by <see cref="ApiExceptionHandler"/>.
/// </summary>
internal static class GatewayEndpoints
{
    public static IEndpointRouteBuilder MapGatewayApi(this IEndpointRouteBuilder app)
    {
        // Reading gateways needs the same scope as changing them: the key of whoever manages them.
        var api = app.MapGroup("/api/v1/gateways").AddEndpointFilter<ApiKeyFilter>().RequireScope(ApiScopes.GatewaysWrite).WithTags("Gateways")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/", ListAsync).WithSummary("Every gateway with its FlexPay token and sync state (never its credentials).");
        api.MapGet("/{id:guid}", GetAsync).WithSummary("One gateway.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", CreateAsync).WithSummary("Define a gateway (disabled unless enabled is true; enabling creates it at FlexPay).")
            .Accepts<GatewayDraft>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapPut("/{id:guid}", UpdateAsync)
            .WithSummary("Change a gateway; members left out stay, null clears an optional one; credentials, when given, replace all of them.")
            .Accepts<GatewayDraft>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/enable", EnableAsync).WithSummary("Enable: create at FlexPay (status Available), or set Available again.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/disable", DisableAsync)
            .WithSummary("Disable: RefundOnly at FlexPay. 409 listing the open recoveries it would decline, unless confirm=true.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/sync", RetrySyncAsync).WithSummary("Try a failed or pending sync again now.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/reconcile", ReconcileAsync).WithSummary("Compare our gateways with FlexPay's list and report drift.");
        return app;
    }

    private static async Task<Ok<List<GatewayView>>> ListAsync(string? company, GatewayService gateways, CancellationToken ct) =>
        TypedResults.Ok((await gateways.ListAsync(company, ct)).Select(GatewayView.From).ToList());

    private static async Task<Ok<GatewayView>> GetAsync(Guid id, GatewayService gateways, CancellationToken ct) =>
        TypedResults.Ok(GatewayView.From(await gateways.GetAsync(id, ct)));

    private static async Task<Results<Created<GatewayView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest request, GatewayService gateways, IOptions<IntakeApiOptions> limits, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (changes, problem) = await ReadChangesAsync(request, limits.Value, json.Value.SerializerOptions);
        if (problem is not null)
        {
            return problem;
        }
        var result = await gateways.CreateAsync(new GatewayDraft().With(changes!, json.Value.SerializerOptions), ct);
        return result.IsValid
            ? TypedResults.Created($"/api/v1/gateways/{result.Gateway!.Id}", GatewayView.From(result.Gateway))
            : TypedResults.ValidationProblem(result.Errors, title: "The gateway cannot be saved as sent; nothing was stored");
    }

    private static async Task<Results<Ok<GatewayView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, HttpRequest request, GatewayService gateways, IOptions<IntakeApiOptions> limits, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (changes, problem) = await ReadChangesAsync(request, limits.Value, json.Value.SerializerOptions);
        if (problem is not null)
        {
            return problem;
        }
        var result = await gateways.UpdateAsync(id, draft => draft.With(changes!, json.Value.SerializerOptions), ct);
        return result.IsValid
            ? TypedResults.Ok(GatewayView.From(result.Gateway!))
            : TypedResults.ValidationProblem(result.Errors, title: "The change cannot be saved as sent; nothing was changed");
    }

    private static async Task<Ok<GatewayView>> EnableAsync(Guid id, GatewayService gateways, CancellationToken ct) =>
        TypedResults.Ok(GatewayView.From(await gateways.EnableAsync(id, ct)));

    private static async Task<Results<Ok<GatewayView>, ProblemHttpResult>> DisableAsync(Guid id, bool? confirm, GatewayService gateways, CancellationToken ct)
    {
        var result = await gateways.DisableAsync(id, confirm == true, ct);
        if (result.Disabled)
        {
            return TypedResults.Ok(GatewayView.From(result.Gateway));
        }
        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Scheduled retries would wait",
            detail: $"{result.BoundChains.Count} open recoveries send their next attempt through this gateway; disabled, it takes no charges, "
                + "so they wait (they do not fail) until it is enabled again or they are moved (POST /api/v1/recoveries/{id}/move-to-gateway). "
                + "Send the request again with ?confirm=true to disable anyway.",
            extensions: new Dictionary<string, object?> { ["boundChains"] = result.BoundChains });
    }

    private static async Task<Ok<GatewayView>> RetrySyncAsync(Guid id, GatewayService gateways, CancellationToken ct) =>
        TypedResults.Ok(GatewayView.From(await gateways.RetrySyncAsync(id, ct)));

    private static async Task<Ok<GatewayDriftReport>> ReconcileAsync(GatewayReconciler reconciler, CancellationToken ct) =>
        TypedResults.Ok(await reconciler.ReconcileAsync(ct));

    /// <summary>The body's members, refused up front (nothing stored) when one has the wrong type for a gateway.</summary>
    private static async Task<(JsonObject? Changes, ProblemHttpResult? Problem)> ReadChangesAsync(
        HttpRequest request, IntakeApiOptions limits, JsonSerializerOptions json)
    {
        var (changes, problem) = await JsonBody.ReadAsync<JsonObject>(request, limits.MaxBodyBytes, json);
        if (problem is not null)
        {
            return (null, problem);
        }
        try
        {
            _ = new GatewayDraft().With(changes!, json);
            return (changes, null);
        }
        catch (JsonException ex)
        {
            return (null, JsonBody.Unreadable(ex));
        }
    }
}
