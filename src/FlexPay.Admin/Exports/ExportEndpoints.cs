using FlexPay.Admin.Audit;
using FlexPay.Admin.Components.Pages.Recoveries;
using FlexPay.Admin.Components.Pages.Refunds;
using FlexPay.Admin.Components.Shared;
using FlexPay.Admin.Gateways;
using FlexPay.Admin.Identity;
using FlexPay.Admin.Identity.Users;
using FlexPay.Core.Audit;
using FlexPay.Core.Recovery;
using Microsoft.AspNetCore.Mvc;

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

    public static IServiceCollection AddScreenExports(this IServiceCollection services)
    {
        services.AddTransient<RecoveryExport>();
        services.AddTransient<RefundExport>();
        services.AddTransient<GatewayExport>();
        services.AddTransient<UserExport>();
        services.AddTransient<DashboardExport>();
        return services;
    }

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
        app.MapGet("/refunds/export.csv", (RefundStatus? status, DateTime? from, DateTime? to, string? sort, bool? desc,
                    [FromQuery(Name = CertificationSwitch.QueryName)] bool? includeCertification, RefundExport export, CancellationToken ct) =>
                export.Download(new RefundQuery(0, 0, status, from, to, sort, desc == true, includeCertification == true), ct))
            .RequireAuthorization(Policies.CanView)
            .ExcludeFromDescription();
        app.MapGet("/refunds/refundable.csv", (string? q, string? sort, bool? desc,
                    [FromQuery(Name = CertificationSwitch.QueryName)] bool? includeCertification, RefundExport export, CancellationToken ct) =>
                export.DownloadRefundable(new RefundableQuery(0, 0, q, sort, desc == true, includeCertification == true), ct))
            .RequireAuthorization(Policies.CanView)
            .ExcludeFromDescription();
        app.MapGet("/gateways/export.csv", (string? q, string? sort, bool? desc,
                    [FromQuery(Name = CertificationSwitch.QueryName)] bool? includeCertification, GatewayExport export, CancellationToken ct) =>
                export.Download(new GatewayQuery(0, 0, q, sort, desc == true, includeCertification == true), ct))
            .RequireAuthorization(Policies.CanView)
            .ExcludeFromDescription();
        app.MapGet("/users/export.csv", (string? q, string? sort, bool? desc, UserExport export, CancellationToken ct) =>
                export.Download(new UserQuery(0, 0, q, sort, desc == true), ct))
            .RequireAuthorization(Policies.CanManageUsers)
            .ExcludeFromDescription();
        app.MapGet("/dashboard/per-currency.csv", async (DateTimeOffset from, DateTimeOffset to,
                    [FromQuery(Name = CertificationSwitch.QueryName)] bool? includeCertification, DashboardExport export, CancellationToken ct) =>
                from < to
                    ? await export.DownloadAsync(from, to, includeCertification == true, ct)
                    : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["'to' must be after 'from'."] }))
            .RequireAuthorization(Policies.CanView)
            .ExcludeFromDescription();
        return app;
    }
}
