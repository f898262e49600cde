using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.Admin.Identity;
using FlexPay.Admin.Tests.Identity;
using FlexPay.Core.Audit;
using FlexPay.Core.Persistence;
using FlexPay.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Audit;

/// <summary>Who did what is recorded for people and for the billing system, and only administrators read it.</summary>
public sealed class AuditLogTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Fact]
    public async Task Sign_ins_are_recorded_with_their_outcome_and_never_the_password()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var browser = app.CreateBrowser();

        using var wrong = await ConsoleAppFactory.SignInAsync(browser, email, "Not-The-Password-1!");
        using var right = await ConsoleAppFactory.SignInAsync(browser, email, ConsoleAppFactory.UserPassword);

        var entries = await EntriesAsync(e => e.Action == "sign-in" && e.Actor == email);
        Assert.Equal([AuditOutcome.Refused, AuditOutcome.Succeeded], entries.Select(e => e.Outcome));
        Assert.DoesNotContain(entries, e => (e.Detail ?? "").Contains("Password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancellation_through_the_api_names_the_billing_systems_key()
    {
        using var api = app.CreateApiClient();
        var payload = Payloads.DeclinedPayment(2008, declinedAt: DateTimeOffset.UtcNow);
        var id = await api.SubmitAsync(payload);

        using var cancelled = await api.PostAsync($"/api/v1/recoveries/{id}/cancel", null);
        using var again = await api.PostAsync($"/api/v1/recoveries/{id}/cancel", null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (cancelled.StatusCode, again.StatusCode));
        var entries = await EntriesAsync(e => e.Action == "recovery.cancel" && e.Target == $"recovery {id}");
        Assert.Equal([AuditOutcome.Succeeded, AuditOutcome.Refused], entries.Select(e => e.Outcome));
        Assert.All(entries, e => Assert.Equal("billing system (API key 'tests')", e.Actor));
    }

    [Fact]
    public async Task Administrators_and_finance_export_the_log_as_csv_and_viewers_cannot()
    {
        using var admin = app.CreateBrowser();
        using var signedIn = await ConsoleAppFactory.SignInAsync(admin, ConsoleAppFactory.AdminEmail, ConsoleAppFactory.AdminPassword);
        using var finance = await app.SignedInAsync(Roles.Finance);
        using var viewer = await app.SignedInAsync(Roles.Viewer);

        using var csv = await admin.GetAsync("/audit/export.csv?search=sign-in");
        using var financeCsv = await finance.GetAsync("/audit/export.csv");
        using var refused = await viewer.GetAsync("/audit/export.csv");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (csv.StatusCode, financeCsv.StatusCode));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("At (UTC),Actor,Action,Target,Outcome,Detail\r\n", text, StringComparison.Ordinal);
        Assert.Contains($",{ConsoleAppFactory.AdminEmail},sign-in,", text, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("sign-in", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<List<AuditEntry>> EntriesAsync(System.Linq.Expressions.Expression<Func<AuditEntry, bool>> match)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(match).OrderBy(e => e.At).ToListAsync();
    }
}
