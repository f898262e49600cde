using Bunit;
using FlexPay.Admin.Components.Pages.Certification;
using FlexPay.Core.Certification;

namespace FlexPay.Admin.Tests.Components.Pages.Certification;

/// <summary>A run's progress and results as the Certification screen shows them.</summary>
public sealed class CertificationRunViewTests : ComponentTest
{
    [Fact]
    public void A_run_in_progress_shows_each_steps_state_and_offers_no_export_yet()
    {
        var run = new CertificationRun("default", "admin@flexpay.test", Builders.Now);
        run.Start();
        run.Step(1).Begin();
        run.Step(1).Record(new CertificationToken("Soft decline", "MTX-1", "TX-1", "gw_1", "20051", 0, "USD"));
        run.Step(1).Pass("Scheduled for FlexPay's retry date.");
        run.Step(2).Begin();
        run.Step(2).Fail("A hard decline was scheduled.");
        run.Step(3).Begin();

        var view = Render<CertificationRunView>(p => p.Add(v => v.Run, run));

        Assert.Equal("2 of 7 steps", view.Find("[data-test=progress-text]").TextContent.Trim());
        Assert.Equal(
            ["Passed", "Failed", "Running", "Pending", "Pending", "Pending", "Pending"],
            view.FindAll("[data-test=step]").Select(s => s.GetAttribute("data-status")));
        Assert.Contains("A hard decline was scheduled.", view.FindAll("[data-test=step-detail]")[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("TX-1", view.Markup, StringComparison.Ordinal);
        Assert.Contains("MTX-1", view.Markup, StringComparison.Ordinal);
        Assert.Empty(view.FindAll("[data-test=download-csv]"));
    }

    [Fact]
    public void A_finished_run_offers_its_appendix_a()
    {
        var run = new CertificationRun("default", "admin@flexpay.test", Builders.Now);
        run.Start();
        foreach (var step in run.Steps)
        {
            step.Begin();
            step.Pass("ok");
        }
        run.Finish(Builders.Now.AddMinutes(2));

        var view = Render<CertificationRunView>(p => p.Add(v => v.Run, run));

        Assert.Equal("7 of 7 steps", view.Find("[data-test=progress-text]").TextContent.Trim());
        Assert.Equal("Passed", view.Find("[data-test=run-status]").TextContent.Trim());
        Assert.Equal($"/certification/runs/{run.Id}/appendix-a.csv", view.Find("[data-test=download-csv]").GetAttribute("href"));
    }
}
