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
        api.MapGet("/", ListAsync).RequireScope(ApiScopes.RecoveriesRead).WithSummary("Recoveries, newest first, filtered by state and order id.");
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
        string? state, string? orderId, int? limit, IDbContextFactory<FlexPayDbContext> dbFactory, CancellationToken ct)
    {
        ChainState? wanted = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<ChainState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["state"] = [$"'{state}' is not a state. Use one of: {string.Join(", ", Enum.GetNames<ChainState>())}."],
                });
            }
            wanted = parsed;
        }
        if (limit is < 1 or > MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"'limit' must be between 1 and {MaxPageSize}."] });
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Chains.AsNoTracking();
        if (wanted is { } s)
        {
            query = query.Where(c => c.State == s);
        }
        if (!string.IsNullOrEmpty(orderId))
        {
            query = query.Where(c => c.OrderId == orderId);
        }
        var chains = await query.OrderByDescending(c => c.CreatedAt).Take(limit ?? 100).WithHistory().ToListAsync(ct);
        return TypedResults.Ok(chains.Select(RecoveryView.From).ToList());
    }

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
}
