using FlexPay.Core.Accounts;
using FlexPay.Core.FlexPayApi;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FlexPay.Admin.Health;

/// <summary>
/// FlexPay answers its health check with each company's key (which also proves the key is accepted). Only the counts are
/// reported (<c>accounts</c>, <c>reachable</c>), never which company failed: the console's Settings screen says that to staff.
/// </summary>
internal sealed class FlexPayAccountsCheck(IFlexPayAccounts accounts, FlexPayClient flexPay) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var companies = accounts.List();
        var answers = await Task.WhenAll(companies.Select(async account =>
            accounts.TryGetApiKey(account.Company, out var key) && (await flexPay.CheckConnectionAsync(key, cancellationToken)).IsOk));
        var reachable = answers.Count(ok => ok);
        var data = new Dictionary<string, object> { ["accounts"] = companies.Count, ["reachable"] = reachable };
        return reachable == companies.Count ? HealthCheckResult.Healthy(data: data) : HealthCheckResult.Unhealthy(data: data);
    }
}
