using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Recovery.Intake;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Api.Recoveries;

/// <summary>The REST API the merchant's billing system uses to hand over declined payments.</summary>
internal static class RecoveryEndpoints
{
    private const string ApiCaller = "billing system (API)";
    private const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapRecoveryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/recoveries").AddEndpointFilter<ApiKeyFilter>().WithTags("Recoveries");
        api.MapPost("/", SubmitAsync).RequireScope(ApiScopes.RecoveriesWrite)
            .WithSummary("Hand over a declined payment for recovery (idempotent by externalId).")
            .Accepts<RecoveryRequest>("application/json")
            .Produces<RecoveryView>(StatusCodes.Status201Created)
            .Produces<RecoveryView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/{id:guid}", GetAsync).RequireScope(ApiScopes.RecoveriesRead).WithSummary("One recovery with its attempts and refunds.")
            .Produces<RecoveryView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/", ListAsync).RequireScope(ApiScopes.RecoveriesRead).WithSummary("Recoveries, newest first, filtered by state and order id.")
            .Produces<IReadOnlyList<RecoveryView>>().ProducesValidationProblem();
        api.MapPost("/{id:guid}/refunds", RefundAsync).RequireScope(ApiScopes.RefundsWrite).WithSummary("Refund a recovered charge through FlexPay (all that remains when amount is absent).")
            .Accepts<RefundInput>("application/json").Produces<RefundView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/cancel", CancelAsync).RequireScope(ApiScopes.RecoveriesWrite).WithSummary("Stop a recovery.")
            .Produces<RecoveryView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> SubmitAsync(
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
            IntakeOutcome.Created => Results.Created($"/api/v1/recoveries/{result.Chain!.Id}", RecoveryView.From(result.Chain)),
            IntakeOutcome.AlreadyExists => Results.Ok(RecoveryView.From(result.Chain!)),
            IntakeOutcome.Invalid => Results.ValidationProblem(result.Errors, title: "The payment cannot be recovered as sent"),
            IntakeOutcome.CardRejected => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "FlexPay refused the card", detail: result.Detail),
            _ => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "FlexPay is unavailable; nothing was stored, send it again later", detail: result.Detail),
        };
    }

    private static async Task<IResult> GetAsync(Guid id, IDbContextFactory<FlexPayDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await db.Chains.AsNoTracking().WithHistory().SingleOrDefaultAsync(c => c.Id == id, ct);
        return chain is null ? NotFound(id) : Results.Ok(RecoveryView.From(chain));
    }

    private static async Task<IResult> ListAsync(
        string? state, string? orderId, int? limit, IDbContextFactory<FlexPayDbContext> dbFactory, CancellationToken ct)
    {
        ChainState? wanted = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<ChainState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["state"] = [$"'{state}' is not a state. Use one of: {string.Join(", ", Enum.GetNames<ChainState>())}."],
                });
            }
            wanted = parsed;
        }
        if (limit is < 1 or > MaxPageSize)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"'limit' must be between 1 and {MaxPageSize}."] });
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
        return Results.Ok(chains.Select(RecoveryView.From).ToList());
    }

    private static async Task<IResult> RefundAsync(
        Guid id, HttpRequest request, RefundProcessor refunds, IOptions<IntakeApiOptions> limits, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<RefundInput>(request, limits.Value.MaxBodyBytes, json.Value.SerializerOptions);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(body!.Reason) || body.Reason.Length > 500)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["'reason' is required (at most 500 characters)."] });
        }
        return await RunAsync(id, async () =>
        {
            var refund = await refunds.RefundAsync(id, body.Amount, body.Reason, ApiCaller, ct);
            return Results.Created($"/api/v1/recoveries/{id}", RefundView.From(refund));
        });
    }

    private static async Task<IResult> CancelAsync(Guid id, ChainActions actions, CancellationToken ct) =>
        await RunAsync(id, async () => Results.Ok(RecoveryView.From(await actions.CancelAsync(id, ApiCaller, "Cancelled by the billing system", ct))));

    private static async Task<IResult> RunAsync(Guid id, Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (RecoveryNotFoundException)
        {
            return NotFound(id);
        }
        catch (RecoveryRuleException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed now", detail: ex.Message);
        }
    }

    private static IResult NotFound(Guid id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such recovery", detail: $"Recovery {id} does not exist.");
}
