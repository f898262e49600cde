using FlexPay.Sandbox.Companies;

namespace FlexPay.Sandbox.Inspection;

/// <summary>Per-request state set by the API filter and read by the handlers.</summary>
internal static class HttpContextItems
{
    private const string LogKey = "FlexPay.Sandbox.LogEntry";
    private const string CompanyKey = "FlexPay.Sandbox.Company";

    public static LogEntry LogEntry(this HttpContext http) =>
        http.Items[LogKey] as LogEntry ?? throw new InvalidOperationException("The sandbox API filter did not run.");

    public static void SetLogEntry(this HttpContext http, LogEntry entry) => http.Items[LogKey] = entry;

    public static Company Company(this HttpContext http) =>
        http.Items[CompanyKey] as Company ?? throw new InvalidOperationException("The sandbox API filter did not authenticate.");

    public static void SetCompany(this HttpContext http, Company company) => http.Items[CompanyKey] = company;
}
