using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Admin.Certification;
using FlexPay.Admin.Components.Pages.Dashboard;
using FlexPay.Admin.Components.Pages.Refunds;
using FlexPay.Admin.Gateways;
using FlexPay.Admin.Identity;
using FlexPay.Core.Accounts;
using FlexPay.Core.Audit;
using FlexPay.Core.Certification;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using FlexPay.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Certification;

/// <summary>
/// A run started from the Certification screen's service, as an administrator, beside one real payment: what it made
/// is kept apart from the merchant's data everywhere the console shows, counts or exports it, and nothing of it stays
/// enabled once it ends.
/// </summary>
public sealed class CertificationKeptApartTests(CertificationKeptApartTests.CertifiedConsole app) : IClassFixture<CertificationKeptApartTests.CertifiedConsole>
{
    /// <summary>The console after one real payment was recovered and one certification run passed.</summary>
    public sealed class CertifiedConsole : QuickRetryAppFactory, IAsyncLifetime
    {
        public Guid RealChainId { get; private set; }

        public CertificationRun Run { get; private set; } = null!;

        public string RunActor => $"{AdminEmail} (certification run {Run.Mark})";

        public async Task InitializeAsync()
        {
            using var api = CreateApiClient();
            RealChainId = Guid.Parse(await api.SubmitAsync(Payloads.DeclinedPayment(2402)));
            await using var circuit = await CircuitAsync(AdminEmail);
            var started = await circuit.ServiceProvider.GetRequiredService<CertificationAdministration>().StartAsync(FlexPayAccounts.DefaultCompanyName);
            Assert.True(started.RunId is not null, started.Refusal);
            Run = await Eventually.ReturnsAsync(
                () => ReadAsync(db => db.CertificationRuns.AsNoTracking().SingleAsync(r => r.Id == started.RunId)),
                run => run.Status is not (RunStatus.Queued or RunStatus.Running),
                "the certification run to end",
                TimeSpan.FromMinutes(3));
            Assert.True(Run.Status == RunStatus.Passed, string.Join("; ", Run.Steps.Where(s => s.Status != StepStatus.Passed).Select(s => $"{s.Number}: {s.Detail}")));
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

        public async Task<T> ReadAsync<T>(Func<FlexPayDbContext, Task<T>> read)
        {
            await using var db = await Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
            return await read(db);
        }
    }

    [Fact]
    public async Task Every_gateway_the_run_made_is_disabled_when_it_ends_and_refund_only_at_flexpay()
    {
        var gateways = await app.ReadAsync(db => db.Gateways.AsNoTracking().OfRun(app.Run.Id).ToListAsync());

        Assert.Equal(
            [$"CERT-{app.Run.Mark}-GW1", $"CERT-{app.Run.Mark}-GW2", $"CERT-{app.Run.Mark}-ROUTING", $"CERT-{app.Run.Mark}-STEP6"],
            gateways.Select(g => g.Name).Order(StringComparer.Ordinal));
        Assert.All(gateways, g => Assert.Equal(GatewayDesiredState.Disabled, g.DesiredState));
        var synced = await Eventually.ReturnsAsync(
            () => app.ReadAsync(db => db.Gateways.AsNoTracking().OfRun(app.Run.Id).ToListAsync()),
            all => all.All(g => g.SyncState == GatewaySyncState.InSync),
            "the run's gateways to reach FlexPay disabled");
        using var scope = app.Services.CreateScope();
        var flexPay = scope.ServiceProvider.GetRequiredService<FlexPayClient>();
        var key = scope.ServiceProvider.GetRequiredService<IFlexPayAccounts>().GetApiKey(app.Run.Company);
        foreach (var gateway in synced)
        {
            var atFlexPay = await flexPay.GetGatewayAsync(key, gateway.FlexPayToken!);
            Assert.Equal(FlexPayGatewayStatuses.RefundOnly, atFlexPay.Value!.Status);
        }
    }

    [Fact]
    public async Task The_runs_recoveries_and_refund_are_tagged_with_it_and_the_real_payment_is_not()
    {
        var tagged = await app.ReadAsync(db => db.Chains.AsNoTracking().OfRun(app.Run.Id).Select(c => c.Id).ToListAsync());
        var refunds = await app.ReadAsync(db => db.Refunds.AsNoTracking().CountAsync(r => tagged.Contains(r.ChainId)));

        // Steps 1 to 7 hand over 1 + 3 + 1 + 1 + 1 + 0 + 2 payments; Step 5 refunds one.
        Assert.Equal(9, tagged.Count);
        Assert.Equal(1, refunds);
        Assert.Null(await app.ReadAsync(db => db.Chains.RunOfChainAsync(app.RealChainId)));
    }

    [Fact]
    public async Task The_audit_names_the_administrator_with_the_run_for_everything_the_run_did()
    {
        var gatewayIds = (await app.ReadAsync(db => db.Gateways.OfRun(app.Run.Id).Select(g => g.Id).ToListAsync())).Select(id => id.ToString()).ToList();
        var chainIds = (await app.ReadAsync(db => db.Chains.OfRun(app.Run.Id).Select(c => c.Id).ToListAsync())).Select(id => id.ToString()).ToList();
        var entries = await app.ReadAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        var ofTheRun = entries.Where(e => gatewayIds.Concat(chainIds).Any(id => e.Target.Contains(id, StringComparison.OrdinalIgnoreCase))).ToList();

        Assert.Equal(
            new Dictionary<string, int> { ["gateway.create"] = 4, ["gateway.update"] = 1, ["gateway.disable"] = 4, ["recovery.cancel"] = 2, ["refund"] = 1 },
            ofTheRun.GroupBy(e => e.Action).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()));
        Assert.All(ofTheRun, e => Assert.Equal(app.RunActor, e.Actor));
        Assert.Contains(entries, e => e.Action == "certification.start" && e.Actor == ConsoleAppFactory.AdminEmail && e.Outcome == AuditOutcome.Succeeded);
    }

    [Fact]
    public async Task The_list_api_and_its_export_leave_the_run_out_unless_asked_to_include_it()
    {
        using var api = app.CreateApiClient();

        var listed = await api.GetFromJsonAsync<JsonArray>("/api/v1/recoveries?limit=500");
        var all = await api.GetFromJsonAsync<JsonArray>("/api/v1/recoveries?limit=500&includeCertification=true");
        var exported = await api.GetStringAsync("/api/v1/recoveries/export.csv");
        var exportedAll = await api.GetStringAsync("/api/v1/recoveries/export.csv?includeCertification=true");

        Assert.Equal([app.RealChainId.ToString()], listed!.Select(r => (string)r!["id"]!));
        Assert.Equal(10, all!.Count);
        Assert.Equal(0, CertificationLines(exported));
        Assert.Equal(9, CertificationLines(exportedAll));
    }

    [Fact]
    public async Task The_screens_export_leaves_the_run_out_unless_the_switch_is_on()
    {
        using var viewer = await app.SignedInAsync(Roles.Viewer);

        using var exported = await viewer.GetAsync("/recoveries/export.csv");
        using var exportedAll = await viewer.GetAsync("/recoveries/export.csv?includeCertification=true");

        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal(0, CertificationLines(await exported.Content.ReadAsStringAsync()));
        Assert.Equal(9, CertificationLines(await exportedAll.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_refunds_gateways_and_dashboard_exports_leave_the_run_out_unless_the_switch_is_on()
    {
        using var viewer = await app.SignedInAsync(Roles.Viewer);
        var period = $"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}";

        var refunds = await viewer.GetStringAsync("/refunds/export.csv");
        var refundsAll = await viewer.GetStringAsync("/refunds/export.csv?includeCertification=true");
        var gateways = await viewer.GetStringAsync("/gateways/export.csv");
        var gatewaysAll = await viewer.GetStringAsync("/gateways/export.csv?includeCertification=true");
        var perCurrency = await viewer.GetStringAsync($"/dashboard/per-currency.csv?{period}");
        var perCurrencyAll = await viewer.GetStringAsync($"/dashboard/per-currency.csv?{period}&includeCertification=true");

        Assert.Equal((0, 1), (CertificationLines(refunds), CertificationLines(refundsAll)));
        Assert.Equal((0, 4), (CertificationLines(gateways), CertificationLines(gatewaysAll)));
        Assert.Equal(["USD"], Currencies(perCurrency));
        Assert.Equal(["EUR", "JPY", "USD"], Currencies(perCurrencyAll));
    }

    [Fact]
    public async Task The_dashboard_refunds_and_gateways_count_the_run_only_when_shown()
    {
        var now = DateTimeOffset.UtcNow;
        var hidden = await app.ReadAsync(db => DashboardSummary.LoadAsync(db, includeCertification: false));
        var shown = await app.ReadAsync(db => DashboardSummary.LoadAsync(db, includeCertification: true));
        var period = await app.ReadAsync(db => DashboardPeriod.LoadAsync(db, now.AddDays(-1), now.AddMinutes(1), now, includeCertification: false));
        var periodShown = await app.ReadAsync(db => DashboardPeriod.LoadAsync(db, now.AddDays(-1), now.AddMinutes(1), now, includeCertification: true));
        var refunds = app.Services.GetRequiredService<RefundSearch>();
        await using var circuit = await app.CircuitAsync(ConsoleAppFactory.AdminEmail);
        var gateways = circuit.ServiceProvider.GetRequiredService<GatewayAdministration>();

        Assert.Equal(1, hidden.TotalChains);
        Assert.Equal(10, shown.TotalChains);
        Assert.Equal(["USD"], period.Currencies.Select(c => c.CurrencyCode));
        Assert.Equal(1, period.Currencies.Single().Declined);
        Assert.Equal(["EUR", "JPY", "USD"], periodShown.Currencies.Select(c => c.CurrencyCode));
        Assert.Equal(0, (await refunds.RefundsAsync(new RefundQuery(0, 25))).Total);
        Assert.Equal(1, (await refunds.RefundsAsync(new RefundQuery(0, 25, IncludeCertification: true))).Total);
        Assert.DoesNotContain((await refunds.RefundableAsync(new RefundableQuery(0, 100))).Rows, r => r.OrderId.StartsWith("CERT-", StringComparison.Ordinal));
        Assert.Equal(0, (await gateways.ListAsync(new GatewayQuery(0, 25, null, null, false))).Total);
        Assert.Equal(4, (await gateways.ListAsync(new GatewayQuery(0, 25, null, null, false, IncludeCertification: true))).Total);
    }

    [Fact]
    public async Task A_run_is_refused_for_a_live_account_with_the_reason_and_the_refusal_is_audited()
    {
        await app.Services.GetRequiredService<IFlexPayAccounts>().AddAsync("live-co", FlexPayMode.Live, "bGl2ZS1jb21wYW55LWtleS0wMDAwMDAwMDAwMDAwMA==");
        await using var circuit = await app.CircuitAsync(ConsoleAppFactory.AdminEmail);
        var certification = circuit.ServiceProvider.GetRequiredService<CertificationAdministration>();

        var companies = await certification.CompaniesAsync();
        var started = await certification.StartAsync("live-co");

        Assert.Null(started.RunId);
        Assert.Contains("only on a Sandbox account, and live-co is a Live account", started.Refusal, StringComparison.Ordinal);
        Assert.Equal(started.Refusal, companies.Single(c => c.Company == "live-co").Refusal);
        Assert.Null(companies.Single(c => c.Company == FlexPayAccounts.DefaultCompanyName).Refusal);
        Assert.Single(await app.ReadAsync(db => db.CertificationRuns.ToListAsync()));
        var refused = await app.ReadAsync(db => db.AuditEntries.Where(e => e.Action == "certification.start" && e.Outcome == AuditOutcome.Refused).ToListAsync());
        Assert.Equal("company live-co", Assert.Single(refused).Target);
    }

    /// <summary>Rows of a recoveries CSV whose order id is a certification run's.</summary>
    private static int CertificationLines(string csv) =>
        csv.Split('\n').Count(line => line.StartsWith("CERT-", StringComparison.Ordinal)
            || line.Contains(",CERT-", StringComparison.Ordinal) || line.Contains(",\"CERT-", StringComparison.Ordinal));

    /// <summary>The currency column (the third) of a per-currency export's lines.</summary>
    private static string[] Currencies(string csv) =>
        [.. csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[2])];
}
