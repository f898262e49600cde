using FlexPay.Admin.Identity;
using FlexPay.Core.Audit;

namespace FlexPay.Admin.Audit;

internal static class AuditEndpoints
{
    /// <summary>The audit log as CSV, with the screen's filters; administrators only.</summary>
    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audit/export.csv", async (string? search, AuditOutcome? outcome, DateTimeOffset? from, DateTimeOffset? to, AuditLogQuery query, CancellationToken ct) =>
                Results.File(
                    System.Text.Encoding.UTF8.GetBytes(await query.ToCsvAsync(new AuditFilter(search, outcome, from, to), ct)),
                    "text/csv",
                    $"audit-log-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv"))
            .RequireAuthorization(Policies.CanReadAuditLog)
            .ExcludeFromDescription();
        return app;
    }
}
