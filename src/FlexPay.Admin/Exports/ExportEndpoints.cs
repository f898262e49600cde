using FlexPay.Admin.Audit;
using FlexPay.Admin.Components.Pages.Recoveries;
using FlexPay.Admin.Identity;
using FlexPay.Core.Audit;

namespace FlexPay.Admin.Exports;

/// <summary>
/// The screens' CSV downloads, for the signed-in user's cookie and with the screen's own filters in the query string;
/// each is allowed exactly as its screen is. The API's exports (with a key) are mapped with the API.
/// </summary>
internal static class ExportEndpoints
{
    private static readonly IReadOnlyList<CsvColumn<AuditEntry>> AuditColumns =
    [
        CsvColumn.Time<AuditEntry>("At", e => e.At),
        CsvColumn.Text<AuditEntry>("Actor", e => e.Actor),
        CsvColumn.Text<AuditEntry>("Action", e => e.Action),
        CsvColumn.Text<AuditEntry>("Target", e => e.Target),
        CsvColumn.Text<AuditEntry>("Outcome", e => e.Outcome.ToString()),
        CsvColumn.Text<AuditEntry>("Detail", e => e.Detail),
    ];

    public static IEndpointRouteBuilder MapScreenExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/recoveries/export.csv", ([AsParameters] ChainFilterQuery filterQuery, RecoveryExport export, CancellationToken ct) =>
                filterQuery.ToFilter(out var errors) is { } filter ? export.Download(filter, ct) : TypedResults.ValidationProblem(errors))
            .RequireAuthorization(Policies.CanView)
            .ExcludeFromDescription();
        app.MapGet("/audit/export.csv", (string? search, AuditOutcome? outcome, DateTimeOffset? from, DateTimeOffset? to, AuditLogQuery query,
                    TimeProvider clock, CancellationToken ct) =>
                CsvExport.Result("audit-log", AuditColumns, query.AllAsync(new AuditFilter(search, outcome, from, to), ct), clock, ct))
            .RequireAuthorization(Policies.CanReadAuditLog)
            .ExcludeFromDescription();
        return app;
    }
}
