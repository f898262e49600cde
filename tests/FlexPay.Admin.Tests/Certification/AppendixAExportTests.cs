using System.Net;
using FlexPay.Admin.Identity;
using FlexPay.Admin.Tests.Identity;
using FlexPay.Core.Certification;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Certification;

/// <summary>Appendix A downloads: administrators get the file, other roles are refused by the server.</summary>
public sealed class AppendixAExportTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Fact]
    public async Task An_administrator_downloads_the_csv()
    {
        var runId = await CreateRunAsync();
        using var browser = await app.SignedInAsync(Roles.Admin);

        using var response = await browser.GetAsync($"/certification/runs/{runId}/appendix-a.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("\"Step\",\"Scenario\",\"Result\"", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("md")]
    [InlineData("html")]
    public async Task A_finance_user_is_refused(string format)
    {
        var runId = await CreateRunAsync();
        using var browser = await app.SignedInAsync(Roles.Finance);

        using var response = await browser.GetAsync($"/certification/runs/{runId}/appendix-a.{format}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_run_is_not_found()
    {
        using var browser = await app.SignedInAsync(Roles.Admin);

        using var response = await browser.GetAsync($"/certification/runs/{Guid.NewGuid()}/appendix-a.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<Guid> CreateRunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<CertificationRunner>().CreateAsync("default", "tests@flexpay.test");
        return run.Id;
    }
}
