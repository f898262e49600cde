using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FlexPay.Core.Accounts;
using FlexPay.Core.Certification;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FlexPay.Admin.Tests.Certification;

/// <summary>FlexPay's seven integration scenarios, run through the production services against the embedded sandbox.</summary>
public sealed class CertificationRunTests(QuickRetryAppFactory app, ITestOutputHelper output) : IClassFixture<QuickRetryAppFactory>
{
    [Fact]
    public async Task All_seven_scenarios_pass_against_the_embedded_sandbox_and_produce_appendix_a()
    {
        var run = await RunAsync(app);

        output.WriteLine(AppendixA.ToMarkdown(run));
        Assert.All(run.Steps, step => Assert.True(step.Status == StepStatus.Passed, $"Step {step.Number} {step.Title}: {step.Detail}"));
        Assert.Equal(RunStatus.Passed, run.Status);
        Assert.Equal([0, 1, 2], run.Step(4).Tokens.Select(t => t.RetryCount));
        Assert.True(run.Step(3).Tokens.Single().RetryCount >= 1);
        Assert.Equal(2, run.Step(7).Tokens.Select(t => t.GatewayToken).Distinct().Count());
        Assert.All(run.Steps.SelectMany(s => s.Tokens).Where(t => t.MerchantTransactionId is not null), t => Assert.NotNull(t.TransactionId));
        Assert.Contains(run.Steps.SelectMany(s => s.Tokens), t => t.Currency == "JPY");
        var csv = AppendixA.ToCsv(run);
        Assert.Equal(1 + run.Steps.Sum(s => Math.Max(1, s.Tokens.Count)), csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task A_flexpay_that_drops_reference_data_fails_the_payment_logic_scenario_with_the_reason()
    {
        using var broken = new ReferenceDataDroppingFactory();

        var run = await RunAsync(broken);

        var step4 = run.Step(4);
        Assert.Equal(StepStatus.Failed, step4.Status);
        Assert.Contains("returned no referenceData", step4.Detail, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Failed, run.Step(1).Status);
        Assert.Equal(StepStatus.Passed, run.Step(2).Status);
        Assert.Equal(StepStatus.Passed, run.Step(3).Status);
        Assert.Equal(RunStatus.Failed, run.Status);
    }

    private static async Task<CertificationRun> RunAsync(ConsoleAppFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<CertificationRunner>();
        var company = scope.ServiceProvider.GetRequiredService<IFlexPayAccounts>().DefaultCompany;
        var created = await runner.CreateAsync(company, "tests");
        await runner.RunAsync(created.Id).WaitAsync(TimeSpan.FromMinutes(3));
        var db = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<FlexPay.Core.Persistence.FlexPayDbContext>>();
        await using var context = await db.CreateDbContextAsync();
        return context.CertificationRuns.Single(r => r.Id == created.Id);
    }

    /// <summary>The console, talking to a FlexPay whose answers carry no referenceData.</summary>
    private sealed class ReferenceDataDroppingFactory : QuickRetryAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.AddHttpClient<FlexPay.Core.FlexPayApi.FlexPayClient>().AddHttpMessageHandler(() => new DropReferenceData()));
        }
    }

    private sealed class DropReferenceData : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/json")
            {
                return response;
            }
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (body?["transaction"] is JsonObject transaction)
            {
                transaction["referenceData"] = null;
            }
            response.Content = new StringContent(body!.ToJsonString(), Encoding.UTF8, "application/json");
            return response;
        }
    }
}
