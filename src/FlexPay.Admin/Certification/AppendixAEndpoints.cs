using System.Globalization;
using System.Net;
using System.Text;
using FlexPay.Admin.Identity;
using FlexPay.Core.Certification;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Certification;

/// <summary>A run's Appendix A as a CSV download, as Markdown, and as a printable HTML page; administrators only.</summary>
public static class AppendixAEndpoints
{
    public static string CsvPath(Guid runId) => $"/certification/runs/{runId}/appendix-a.csv";

    public static string MarkdownPath(Guid runId) => $"/certification/runs/{runId}/appendix-a.md";

    public static string PrintPath(Guid runId) => $"/certification/runs/{runId}/appendix-a.html";

    public static IEndpointRouteBuilder MapAppendixAExports(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/certification/runs/{id:guid}").RequireAuthorization(Policies.CanManageGateways).ExcludeFromDescription();
        runs.MapGet("/appendix-a.csv", (Guid id, IDbContextFactory<FlexPayDbContext> db, CancellationToken ct) =>
            ExportAsync(id, db, run => Results.File(Encoding.UTF8.GetBytes(AppendixA.ToCsv(run)), "text/csv; charset=utf-8", FileName(run, "csv")), ct));
        runs.MapGet("/appendix-a.md", (Guid id, IDbContextFactory<FlexPayDbContext> db, CancellationToken ct) =>
            ExportAsync(id, db, run => Results.File(Encoding.UTF8.GetBytes(AppendixA.ToMarkdown(run)), "text/markdown; charset=utf-8", FileName(run, "md")), ct));
        runs.MapGet("/appendix-a.html", (Guid id, IDbContextFactory<FlexPayDbContext> db, CancellationToken ct) =>
            ExportAsync(id, db, run => Results.Content(ToHtml(run), "text/html; charset=utf-8"), ct));
        return app;
    }

    private static async Task<IResult> ExportAsync(Guid id, IDbContextFactory<FlexPayDbContext> dbFactory, Func<CertificationRun, IResult> export, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.CertificationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return run is null ? Results.NotFound() : export(run);
    }

    private static string FileName(CertificationRun run, string extension) =>
        $"appendix-a-{run.Company}-{run.CreatedAt.UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{extension}";

    /// <summary>The same rows as the CSV, on a page meant for the browser's print dialog.</summary>
    private static string ToHtml(CertificationRun run)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Appendix A · ").Append(E(run.Company)).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:24px;color:#111}h1{font-size:20px}p{font-size:13px}")
            .Append("table{border-collapse:collapse;width:100%;font-size:11px}th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top}")
            .Append("th{background:#f0f0f0}td.mono{font-family:ui-monospace,monospace;word-break:break-all}.Passed{color:#1b5e20}.Failed{color:#b71c1c}")
            .Append("@media print{body{margin:0}button{display:none}}</style></head><body>")
            .Append("<button onclick=\"window.print()\">Print</button>")
            .Append("<h1>Appendix A: FlexPay integration test transactions</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>Run {run.Id} for company <b>{E(run.Company)}</b>, started {run.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC by {E(run.StartedBy)}; result <b>{run.Status}</b>.</p>")
            .Append("<table><thead><tr><th>Step</th><th>Scenario</th><th>Result</th><th>Request</th><th>FlexPay transaction token</th><th>Merchant transaction id</th><th>Gateway token</th><th>Code</th><th>Retry count</th><th>Currency</th></tr></thead><tbody>");
        foreach (var step in run.Steps.OrderBy(s => s.Number))
        {
            var tokens = step.Tokens.Count > 0 ? step.Tokens : [new CertificationToken("", null, null, null, null, null, null)];
            foreach (var token in tokens)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{step.Number}</td><td>{E(step.Title)}</td><td class=\"{step.Status}\">{step.Status}</td><td>{E(token.Label)}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td class=\"mono\">{E(token.TransactionId)}</td><td class=\"mono\">{E(token.MerchantTransactionId)}</td><td class=\"mono\">{E(token.GatewayToken)}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td>{E(token.ResponseCode)}</td><td>{token.RetryCount}</td><td>{E(token.Currency)}</td></tr>");
            }
            html.Append(CultureInfo.InvariantCulture, $"<tr><td></td><td colspan=\"9\"><i>{E(step.Detail)}</i></td></tr>");
        }
        html.Append("</tbody></table></body></html>");
        return html.ToString();
    }
}
