using FlexPay.Admin.Components.Pages.Recoveries;
using FlexPay.Admin.Exports;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Recovery.Intake;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Api.Recoveries;

/// <summary>
/// The REST API the merchant's billing system uses to hand over declined payments. Success types come from the
/// endpoints' typed results; a missing recovery (404) or a move the rules refuse (409) is thrown by Core and
/// answered by <see cref="ApiExceptionHandler"/>. Refunds and cancellations take an <see cref="IdempotencyKeyHeader"/>;
/// a refund whose answer outlasts <see cref="RecoveryOptions.RefundAnswerWait"/> is answered 202 and polled.
/// </summary>
internal static class RecoveryEndpoints
{
    private const string ApiCaller = "billing system (API)";
    private const string DefaultCancelReason = "Cancelled by the billing system";
    private const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapRecoveryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/recoveries").AddEndpointFilter<ApiKeyFilter>().WithTags("Recoveries")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("/", SubmitAsync).RequireScope(ApiScopes.RecoveriesWrite)
            .WithSummary("Hand over a declined payment for recovery (idempotent by externalId).")
            .Accepts<RecoveryRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/{id:guid}", GetAsync).RequireScope(ApiScopes.RecoveriesRead).WithSummary("One recovery with its attempts and refunds.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/", ListAsync).RequireScope(ApiScopes.RecoveriesRead)
            .WithSummary("Recoveries, newest first, filtered as the console's list is (state, currency, q, from, to, gateway, includeCertification) and by exact order id.");
        api.MapGet("/export.csv", Export).RequireScope(ApiScopes.RecoveriesRead)
            .WithSummary("The filtered recoveries as CSV (RFC 4180, UTF-8 with BOM, times in UTC), streamed.")
            .Produces(StatusCodes.Status200OK, contentType: CsvExport.ContentType).ProducesValidationProblem();
        api.MapPost("/{id:guid}/refunds", RefundAsync).RequireScope(ApiScopes.RefundsWrite)
            .WithSummary("Refund a recovered charge through FlexPay (all that remains when amount is absent); idempotent under an Idempotency-Key.")
            .Accepts<RefundRequest>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AcceptsIdempotencyKey();
        api.MapGet("/{id:guid}/refunds/{refundId:guid}", GetRefundAsync).RequireScope(ApiScopes.RecoveriesRead)
            .WithSummary("One refund as it stands: where a 202 from the refund endpoint points.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/cancel", CancelAsync).RequireScope(ApiScopes.RecoveriesWrite)
            .WithSummary("Stop a recovery; an optional {\"reason\": ...} says why; idempotent under an Idempotency-Key.")
            .Accepts<CancelRequest>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AcceptsIdempotencyKey();
        api.MapPost("/{id:guid}/move-to-gateway", MoveToGatewayAsync).RequireScope(ApiScopes.RecoveriesWrite)
            .WithSummary("Send the next retry, and the later ones, through another of our gateways ({\"gateway\": id or FlexPay token}); a waiting recovery is retried at once. Moving twice to the same gateway changes nothing more.")
            .Accepts<MoveToGatewayRequest>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Created<RecoveryView>, Ok<RecoveryView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, RecoveryIntake intake, IOptions<IntakeApiOptions> limits, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<RecoveryRequest>(request, limits.Value.MaxBodyBytes, json.Value.SerializerOptions);
        if (problem is not null)
        {
            return problem;
        }
        var result = await intake.SubmitAsync(body!, ct);
        return result.Outcome switch
        {
            IntakeOutcome.Created => TypedResults.Created($"/api/v1/recoveries/{result.Chain!.Id}", RecoveryView.From(result.Chain)),
            IntakeOutcome.AlreadyExists => TypedResults.Ok(RecoveryView.From(result.Chain!)),
            IntakeOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: "The payment cannot be recovered as sent"),
            IntakeOutcome.CardRejected => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "FlexPay refused the card", detail: result.Detail),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "FlexPay is unavailable; nothing was stored, send it again later", detail: result.Detail),
        };
    }

    private static async Task<Ok<RecoveryView>> GetAsync(Guid id, IDbContextFactory<FlexPayDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await db.Chains.AsNoTracking().WithHistory().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new RecoveryNotFoundException(id);
        return TypedResults.Ok(RecoveryView.From(chain));
    }

    private static async Task<Results<Ok<List<RecoveryView>>, ValidationProblem>> ListAsync(
        [AsParameters] ChainFilterQuery filterQuery, string? orderId, int? limit, IDbContextFactory<FlexPayDbContext> dbFactory, CancellationToken ct)
    {
        var filter = filterQuery.ToFilter(out var errors);
        if (limit is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"'limit' must be between 1 and {MaxPageSize}."];
        }
        if (filter is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = ChainSearch.Matching(db, filter);
        if (!string.IsNullOrEmpty(orderId))
        {
            query = query.Where(c => c.OrderId == orderId);
        }
        var chains = await query.Take(limit ?? 100).WithHistory().ToListAsync(ct);
        return TypedResults.Ok(chains.Select(RecoveryView.From).ToList());
    }

    private static IResult Export([AsParameters] ChainFilterQuery filterQuery, RecoveryExport export, CancellationToken ct) =>
        filterQuery.ToFilter(out var errors) is { } filter ? export.Download(filter, ct) : TypedResults.ValidationProblem(errors);

    private static async Task<Results<Created<RefundView>, Accepted<RefundView>, ProblemHttpResult>> RefundAsync(
        Guid id, HttpRequest request, RefundProcessor refunds, IValidator<RefundRequest> validator,
        IOptions<IntakeApiOptions> limits, IOptions<RecoveryOptions> recovery, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (key, keyProblem) = IdempotencyKeyHeader.Read(request);
        if (keyProblem is not null)
        {
            return keyProblem;
        }
        var (body, problem) = await JsonBody.ReadValidAsync(
            request, limits.Value.MaxBodyBytes, json.Value.SerializerOptions, validator, "The refund cannot be made as sent");
        if (problem is not null)
        {
            return problem;
        }
        var submission = await refunds.SubmitAsync(id, body!.Amount, body.Reason!, ApiCaller, key, ct);
        // The send runs under the host's lifetime: only this wait ends with the caller.
        var refund = await refunds.AwaitAnswerAsync(submission.RefundId, recovery.Value.RefundAnswerWait, ct);
        if (submission.Replayed)
        {
            IdempotencyKeyHeader.MarkReplayed(request.HttpContext.Response);
        }
        return refund.Status is RefundStatus.Sending or RefundStatus.OutcomeUnknown
            ? TypedResults.Accepted($"/api/v1/recoveries/{id}/refunds/{refund.Id}", RefundView.From(refund))
            : TypedResults.Created($"/api/v1/recoveries/{id}", RefundView.From(refund));
    }

    private static async Task<Ok<RefundView>> GetRefundAsync(Guid id, Guid refundId, RefundProcessor refunds, CancellationToken ct) =>
        TypedResults.Ok(RefundView.From(await refunds.ReadAsync(id, refundId, ct)));

    private static async Task<Results<Ok<RecoveryView>, ProblemHttpResult>> CancelAsync(
        Guid id, HttpRequest request, ChainActions actions, IValidator<CancelRequest> validator,
        IOptions<IntakeApiOptions> limits, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (key, keyProblem) = IdempotencyKeyHeader.Read(request);
        if (keyProblem is not null)
        {
            return keyProblem;
        }
        var reason = DefaultCancelReason;
        if (request.HasJsonContentType())
        {
            var (body, problem) = await JsonBody.ReadValidAsync(
                request, limits.Value.MaxBodyBytes, json.Value.SerializerOptions, validator, "The recovery cannot be cancelled as sent");
            if (problem is not null)
            {
                return problem;
            }
            reason = body!.Reason!;
        }
        if (key is null)
        {
            return TypedResults.Ok(RecoveryView.From(await actions.CancelAsync(id, ApiCaller, reason.Trim(), ct)));
        }
        var (chain, replayed) = await actions.CancelAsync(id, ApiCaller, reason.Trim(), key, ct);
        if (replayed)
        {
            IdempotencyKeyHeader.MarkReplayed(request.HttpContext.Response);
        }
        return TypedResults.Ok(RecoveryView.From(chain));
    }

    private static async Task<Results<Ok<RecoveryView>, ValidationProblem, ProblemHttpResult>> MoveToGatewayAsync(
        Guid id, HttpRequest request, ChainActions actions, IValidator<MoveToGatewayRequest> validator,
        IOptions<IntakeApiOptions> limits, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadValidAsync(
            request, limits.Value.MaxBodyBytes, json.Value.SerializerOptions, validator, "The recovery cannot be moved as sent");
        if (problem is not null)
        {
            return problem;
        }
        return TypedResults.Ok(RecoveryView.From(await actions.MoveToGatewayAsync(id, body!.Gateway!.Trim(), ct)));
    }
}
