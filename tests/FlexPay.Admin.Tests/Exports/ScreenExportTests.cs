using System.Net;
using System.Net.Http.Json;
using System.Text;
using FlexPay.Admin.Identity;
using FlexPay.Testing;

namespace FlexPay.Admin.Tests.Exports;

/// <summary>
/// The CSV downloads of the Refunds, Gateways, Users and Dashboard screens, through the real endpoints with a signed-in
/// browser's cookie: who may download each (as who may open its screen), what the file holds, and that the screen's
/// filters reach it. How cells are written is <see cref="CsvExportTests"/>' business; certification data is
/// <c>CertificationKeptApartTests</c>'. Only this class's tests write to its console, and only USD except the dashboard's.
/// </summary>
public sealed class ScreenExportTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    private static readonly string[] AcceptedCurrencies = ["USD", "EUR"];

    [Fact]
    public async Task The_refunds_exports_list_each_refund_and_each_refundable_charge_as_the_filters_keep_them()
    {
        using var api = app.CreateApiClient();
        var payment = Payloads.DeclinedPayment(7500);
        payment.Remove("initialDecline");
        var id = await api.SubmitAsync(payment);
        await api.WaitForStateAsync(id, "Recovered");
        using (var refunded = await api.PostAsJsonAsync($"/api/v1/recoveries/{id}/refunds", new { amount = 4000, reason = "Goodwill, late" }))
        {
            Assert.Equal(HttpStatusCode.Created, refunded.StatusCode);
        }
        using var viewer = await app.SignedInAsync(Roles.Viewer);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (bytes, text) = await DownloadAsync(viewer, $"/refunds/export.csv?status=Approved&from={today}&to={today}");
        var declined = await viewer.GetStringAsync("/refunds/export.csv?status=Declined");
        using var badStatus = await viewer.GetAsync("/refunds/export.csv?status=Lost");

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "Requested (UTC),Requested by,Order id,Customer id,Amount,Currency,Reason,Result,FlexPay transaction id,Response code,Response message",
            lines[0]);
        var line = Assert.Single(lines, l => l.Contains((string)payment["orderId"]!, StringComparison.Ordinal));
        Assert.Contains($",{payment["orderId"]},cust-42,40.00,USD,\"Goodwill, late\",Approved,", line, StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,", line);
        Assert.DoesNotContain((string)payment["orderId"]!, declined, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);

        var (_, refundable) = await DownloadAsync(viewer, $"/refunds/refundable.csv?q={payment["orderId"]}");
        var refundableLines = refundable.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Recovered (UTC),Order id,Customer id,Charged,Refundable,Currency,State", refundableLines[0]);
        Assert.EndsWith($",{payment["orderId"]},cust-42,75.00,35.00,USD,Partly refunded", Assert.Single(refundableLines[1..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateways_export_lists_the_gateways_the_search_finds_and_never_their_credentials()
    {
        const string Secret = "export-never-this-secret";
        using var api = app.CreateApiClient();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        foreach (var name in new[] { $"MID-Export-{suffix}", $"MID-Other-{suffix}" })
        {
            using var created = await api.PostAsJsonAsync("/api/v1/gateways", new
            {
                name,
                gatewayType = "flexpay_sandbox",
                merchantAccountReferenceId = "REF-" + name,
                currencyCode = "USD",
                acceptedCurrencyCodes = AcceptedCurrencies,
                weight = 3,
                credentials = new Dictionary<string, string> { ["apiKey"] = Secret },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        using var viewer = await app.SignedInAsync(Roles.Viewer);

        var (_, text) = await DownloadAsync(viewer, $"/gateways/export.csv?q=Export-{suffix}");

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "Name,Company,Gateway type,Currency,Accepted currencies,Weight,MID reference,State,Sync,Last synced (UTC),Last sync error,FlexPay token,Drift",
            lines[0]);
        var line = Assert.Single(lines[1..]);
        Assert.StartsWith($"MID-Export-{suffix},default,flexpay_sandbox,USD,EUR USD,3,REF-MID-Export-{suffix},Disabled,", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_export_the_users_and_the_file_names_each_user_s_role()
    {
        var financeEmail = await app.CreateUserAsync(Roles.Finance);
        using var admin = app.CreateBrowser();
        using (var signedIn = await ConsoleAppFactory.SignInAsync(admin, ConsoleAppFactory.AdminEmail, ConsoleAppFactory.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }
        using var finance = await app.SignedInAsync(Roles.Finance);
        using var viewer = await app.SignedInAsync(Roles.Viewer);

        var (_, text) = await DownloadAsync(admin, "/users/export.csv");
        var (_, searched) = await DownloadAsync(admin, $"/users/export.csv?q={Uri.EscapeDataString(financeEmail)}");
        using var refusedToFinance = await finance.GetAsync("/users/export.csv");
        using var refusedToViewer = await viewer.GetAsync("/users/export.csv");

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("E-mail,Role,Status,Locked until (UTC),Created (UTC)", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{ConsoleAppFactory.AdminEmail},{Roles.Admin},Active,,", StringComparison.Ordinal));
        Assert.StartsWith($"{financeEmail},{Roles.Finance},Active,,", Assert.Single(searched.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..]), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, refusedToFinance.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, refusedToViewer.StatusCode);
        Assert.DoesNotContain(financeEmail, await refusedToViewer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_export_is_the_per_currency_table_of_the_period_it_names()
    {
        using var api = app.CreateApiClient();
        await api.SubmitAsync(Payloads.DeclinedPayment(2008, currency: "EUR"));
        using var viewer = await app.SignedInAsync(Roles.Viewer);
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = DateTimeOffset.UtcNow.AddMinutes(1);
        var period = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

        var (_, text) = await DownloadAsync(viewer, $"/dashboard/per-currency.csv?{period}");
        using var noPeriod = await viewer.GetAsync("/dashboard/per-currency.csv");
        using var backwards = await viewer.GetAsync($"/dashboard/per-currency.csv?from={Uri.EscapeDataString(to.ToString("O"))}&to={Uri.EscapeDataString(from.ToString("O"))}");

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "From (UTC),To (UTC),Currency,Declined,Declined amount,In recovery,Recovered,Recovered amount,Recovery rate (%)",
            lines[0]);
        Assert.Contains($"2026-01-01 00:00:00,{to.UtcDateTime:yyyy-MM-dd HH:mm:ss},EUR,1,20.08,1,0,0.00,0.0", lines);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (noPeriod.StatusCode, backwards.StatusCode));
    }

    private static async Task<(byte[] Bytes, string Text)> DownloadAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (bytes, Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }
}
