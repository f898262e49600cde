using System.Globalization;
using System.Text;

namespace FlexPay.Core.Certification;

/// <summary>
/// The integration guide's Appendix A: one row per request of each scenario with the FlexPay
/// transaction token, our merchantTransactionId and the gateway token, ready for FlexPay's team.
/// </summary>
public static class AppendixA
{
    private static readonly string[] Columns =
        ["Step", "Scenario", "Result", "Request", "FlexPay transaction token", "Merchant transaction id", "Gateway token", "Response code", "Retry count", "Currency", "Detail"];

    public static string ToCsv(CertificationRun run)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', Columns.Select(Quote)));
        foreach (var row in Rows(run))
        {
            csv.AppendLine(string.Join(',', row.Select(Quote)));
        }
        return csv.ToString();
    }

    public static string ToMarkdown(CertificationRun run)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Appendix A: FlexPay integration test transactions");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Run {run.Id} for company **{run.Company}**, started {run.CreatedAt:u} by {run.StartedBy}; result **{run.Status}**.");
        md.AppendLine();
        md.AppendLine("| " + string.Join(" | ", Columns) + " |");
        md.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", Columns.Length)));
        foreach (var row in Rows(run))
        {
            md.AppendLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }
        return md.ToString();
    }

    private static IEnumerable<string[]> Rows(CertificationRun run)
    {
        foreach (var step in run.Steps.OrderBy(s => s.Number))
        {
            var tokens = step.Tokens.Count > 0 ? step.Tokens : [new CertificationToken("", null, null, null, null, null, null)];
            foreach (var token in tokens)
            {
                yield return
                [
                    step.Number.ToString(CultureInfo.InvariantCulture), step.Title, step.Status.ToString(), token.Label,
                    token.TransactionId ?? "", token.MerchantTransactionId ?? "", token.GatewayToken ?? "", token.ResponseCode ?? "",
                    token.RetryCount?.ToString(CultureInfo.InvariantCulture) ?? "", token.Currency ?? "", step.Detail ?? "",
                ];
            }
        }
    }

    /// <summary>RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet never runs it.</summary>
    private static string Quote(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
