using Bunit;
using FlexPay.Admin.Components.Pages.Recoveries;
using FlexPay.Admin.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Components.Pages.Recoveries;

/// <summary>The attempt timeline lets staff check the referenceData daisy chain and the timing by eye.</summary>
public sealed class AttemptTimelineTests : ComponentTest
{
    public AttemptTimelineTests() => Services.AddScoped<ViewerBrowser>();

    [Fact]
    public void Each_retry_that_sends_the_previous_answers_reference_data_is_marked_as_carried()
    {
        var chain = Builders.DaisyChain(secondLateBy: TimeSpan.FromMilliseconds(250));

        var timeline = Render<AttemptTimeline>(p => p.Add(t => t.Attempts, ChainDetails.InOrder(chain.Attempts)));

        var sent = timeline.FindAll("[data-test=reference-sent]");
        Assert.Equal(["First", "Carried", "Carried"], sent.Select(s => s.GetAttribute("data-link")));
        Assert.Contains("ref-A", sent[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("= retry 0's received", sent[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("ref-B", sent[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("= retry 1's received", sent[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("fp-ref-carried", sent[2].ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_that_does_not_match_the_previous_answer_is_flagged()
    {
        var chain = Builders.DaisyChain(TimeSpan.Zero);
        var attempts = ChainDetails.InOrder(chain.Attempts);
        // The third attempt as if it had been sent with the first answer's value instead of the second's.
        var tampered = new[] { attempts[0], attempts[2] };

        var timeline = Render<AttemptTimeline>(p => p.Add(t => t.Attempts, tampered));

        var sent = timeline.FindAll("[data-test=reference-sent]");
        Assert.Equal("Differs", sent[1].GetAttribute("data-link"));
        Assert.Contains("differs from the previous answer", sent[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lateness_of_each_sent_attempt_is_shown_in_milliseconds()
    {
        var chain = Builders.DaisyChain(secondLateBy: TimeSpan.FromMilliseconds(1250));

        var timeline = Render<AttemptTimeline>(p => p.Add(t => t.Attempts, ChainDetails.InOrder(chain.Attempts)));

        Assert.Equal(["+0 ms late", "+1,250 ms late"], timeline.FindAll("[data-test=lateness]").Select(l => l.TextContent.Trim()));
    }
}
