using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FlexPay.Core.Accounts;
using FlexPay.Core.Certification;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Persistence;
using FlexPay.Core.Tests.Recovery.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FlexPay.Core.Tests.Certification;

/// <summary>
/// FlexPay's seven integration scenarios, run by the production runner and services against the sandbox on the
/// fake clock: each retry date is reached by moving the clock, not by waiting for it.
/// </summary>
public sealed class CertificationRunTests(ITestOutputHelper output)
{
    // The runner polls on the fake clock, which the drive below moves in jumps; a grace this long never expires
    // because the clock jumped, only because a step really stalled (and then the drive's own bound reports it).
    private static readonly Dictionary<string, string> Settings = new() { ["Certification:AnswerGrace"] = "30.00:00:00" };

    [Fact]
    public async Task All_seven_scenarios_pass_against_the_sandbox_and_produce_appendix_a()
    {
        await using var engine = await EngineHarness.StartAsync(Settings);

        var run = await RunAsync(engine);

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
        await using var engine = await EngineHarness.StartAsync(Settings,
            services => services.AddHttpClient<FlexPayClient>().AddHttpMessageHandler(() => new DropReferenceData()));

        var run = await RunAsync(engine);

        output.WriteLine(AppendixA.ToMarkdown(run));
        var step4 = run.Step(4);
        Assert.Equal(StepStatus.Failed, step4.Status);
        Assert.Contains("returned no referenceData", step4.Detail, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Failed, run.Step(1).Status);
        Assert.Equal(StepStatus.Passed, run.Step(2).Status);
        Assert.Equal(StepStatus.Passed, run.Step(3).Status);
        Assert.Equal(RunStatus.Failed, run.Status);
    }

    /// <summary>
    /// Runs a certification while driving the engine as Hangfire would: whatever is due runs, then the clock moves to
    /// the next due instant, or one poll of the runner on when nothing is due.
    /// </summary>
    private static async Task<CertificationRun> RunAsync(EngineHarness engine)
    {
        await using var scope = engine.Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<CertificationRunner>();
        var created = await runner.CreateAsync(scope.ServiceProvider.GetRequiredService<IFlexPayAccounts>().DefaultCompany, "tests");
        var poll = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CertificationOptions>>().Value.PollInterval;
        var running = Task.Run(() => runner.RunAsync(created.Id));
        var drive = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2);
        while (!running.IsCompleted)
        {
            Assert.True(DateTimeOffset.UtcNow < drive, "The run did not finish; its steps so far:\n" + Describe(await LoadAsync(engine, created.Id)));
            await engine.RunDueAsync();
            var now = engine.Clock.GetUtcNow();
            engine.Clock.SetUtcNow(await engine.NextDueAsync() is { } next && next > now ? next : now + poll);
            await Task.WhenAny(running, Task.Delay(5));
        }
        await running;
        return await LoadAsync(engine, created.Id);
    }

    private static async Task<CertificationRun> LoadAsync(EngineHarness engine, Guid runId)
    {
        await using var db = await engine.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        return await db.CertificationRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
    }

    private static string Describe(CertificationRun run) =>
        string.Join('\n', run.Steps.Select(s => $"{s.Number} {s.Title}: {s.Status} {s.Detail}"));

    /// <summary>A FlexPay whose answers carry no referenceData.</summary>
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
