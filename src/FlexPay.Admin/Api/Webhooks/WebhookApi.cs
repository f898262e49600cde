using FlexPay.Core.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlexPay.Admin.Api.Webhooks;

/// <summary>
/// Webhook endpoints over REST, with the key scope <c>webhooks:write</c>. The logic is Core's <see cref="WebhookService"/>,
/// which the Webhooks screen shares; a missing endpoint or delivery (404) is answered by <see cref="ApiExceptionHandler"/>.
/// </summary>
internal static class WebhookApi
{
    public static IEndpointRouteBuilder MapWebhookApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/webhooks").AddEndpointFilter<ApiKeyFilter>().RequireScope(ApiScopes.WebhooksWrite).WithTags("Webhooks")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/", ListAsync).WithSummary("Every webhook endpoint (never its secret).");
        api.MapGet("/{id:guid}", GetAsync).WithSummary("One endpoint.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", CreateAsync).WithSummary("Register an endpoint; the answer carries its signing secret, shown this once.");
        api.MapPut("/{id:guid}", UpdateAsync).WithSummary("Change an endpoint's URL, events, description or enabled flag.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Remove an endpoint and its delivery log.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/roll-secret", RollSecretAsync)
            .WithSummary("A new signing secret, shown this once; the previous one still signs for 24 hours.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/deliveries", DeliveriesAsync)
            .WithSummary("The latest deliveries, newest first; filter by eventType or recoveryId.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/deliveries/{deliveryId:guid}/tries", TriesAsync)
            .WithSummary("Every try of one delivery, first to last: time, HTTP status or error, duration, the first 1 KB of the answer.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/replay", ReplayAsync)
            .WithSummary("Send a delivery again now, with the same event id and body.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/test", SendTestAsync).WithSummary("Queue a webhook.test event for this endpoint.").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<List<WebhookEndpointView>>> ListAsync(WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Ok((await webhooks.ListAsync(ct)).Select(e => WebhookEndpointView.From(e)).ToList());

    private static async Task<Ok<WebhookEndpointView>> GetAsync(Guid id, WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Ok(WebhookEndpointView.From(await webhooks.GetAsync(id, ct)));

    private static async Task<Results<Created<WebhookEndpointView>, ValidationProblem>> CreateAsync(WebhookDraft draft, WebhookService webhooks, CancellationToken ct)
    {
        var result = await webhooks.CreateAsync(draft, ct);
        return result.IsValid
            ? TypedResults.Created($"/api/v1/webhooks/{result.Endpoint!.Id}", WebhookEndpointView.From(result.Endpoint, result.Secret))
            : TypedResults.ValidationProblem(result.Errors, title: "The webhook cannot be saved as sent; nothing was stored");
    }

    private static async Task<Results<Ok<WebhookEndpointView>, ValidationProblem>> UpdateAsync(Guid id, WebhookDraft draft, WebhookService webhooks, CancellationToken ct)
    {
        var result = await webhooks.UpdateAsync(id, draft, ct);
        return result.IsValid
            ? TypedResults.Ok(WebhookEndpointView.From(result.Endpoint!))
            : TypedResults.ValidationProblem(result.Errors, title: "The change cannot be saved as sent; nothing was changed");
    }

    private static async Task<NoContent> DeleteAsync(Guid id, WebhookService webhooks, CancellationToken ct)
    {
        await webhooks.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WebhookEndpointView>> RollSecretAsync(Guid id, WebhookService webhooks, CancellationToken ct)
    {
        var result = await webhooks.RollSecretAsync(id, ct);
        return TypedResults.Ok(WebhookEndpointView.From(result.Endpoint!, result.Secret));
    }

    private static async Task<Ok<List<WebhookDeliveryView>>> DeliveriesAsync(
        Guid id, string? eventType, Guid? recoveryId, int? take, WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Ok((await webhooks.DeliveriesAsync(id, eventType, recoveryId, take ?? 50, ct)).Select(WebhookDeliveryView.From).ToList());

    private static async Task<Ok<List<WebhookDeliveryTryView>>> TriesAsync(Guid id, Guid deliveryId, WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Ok((await webhooks.TriesAsync(id, deliveryId, ct)).Select(WebhookDeliveryTryView.From).ToList());

    private static async Task<Ok<WebhookDeliveryView>> ReplayAsync(Guid id, Guid deliveryId, WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Ok(WebhookDeliveryView.From(await webhooks.ReplayAsync(id, deliveryId, ct)));

    private static async Task<Ok<WebhookDeliveryView>> SendTestAsync(Guid id, WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Ok(WebhookDeliveryView.From(await webhooks.SendTestAsync(id, ct)));
}
