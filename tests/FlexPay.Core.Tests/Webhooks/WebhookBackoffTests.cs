using FlexPay.Core.Webhooks;

namespace FlexPay.Core.Tests.Webhooks;

public sealed class WebhookBackoffTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly WebhookOptions Defaults = new();

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(10, 15_360)]
    [InlineData(11, 21_600)]
    [InlineData(40, 21_600)]
    public void By_default_without_jitter_the_pause_doubles_from_30_seconds_up_to_6_hours(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Defaults.RetryDelay(failures, jitter: 0));

    [Fact]
    public void Jitter_adds_at_most_a_fifth() =>
        Assert.Equal(TimeSpan.FromSeconds(36), Defaults.RetryDelay(1, jitter: 1));

    [Fact]
    public void A_delivery_is_retried_until_its_next_try_would_be_past_3_days_then_fails()
    {
        var delivery = new WebhookDelivery(new WebhookEvent(Guid.NewGuid(), WebhookEventTypes.RecoveryRecovered, Guid.NewGuid(), 1, "{}", Start), Guid.NewGuid(), Start);
        var now = Start;
        var tries = 0;
        while (delivery.Status == WebhookDeliveryStatus.Pending)
        {
            now = delivery.NextAttemptAt!.Value;
            delivery.RecordFailure(500, "HTTP 500", TimeSpan.Zero, "boom", failures => Defaults.RetryDelay(failures, 0), now);
            tries++;
        }

        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.Equal(tries, delivery.Attempts);
        Assert.True(now - Start <= WebhookBackoff.GiveUpAfter);
        Assert.True(now + Defaults.RetryDelay(tries, 0) - Start > WebhookBackoff.GiveUpAfter);
        // 30 s … 6 h: 11 tries reach 6 h pauses by about 8.5 h, then a 6-hourly try until day 3.
        Assert.Equal(21, tries);
    }
}
