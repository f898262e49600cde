namespace FlexPay.Sandbox.Tests.Chains;

public sealed class Retry_date_is_the_next_utc_midnight_by_default : SandboxTest
{
    [Fact]
    public async Task Decline_just_before_midnight_retries_at_midnight()
    {
        Sandbox.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 23, 59, 59, TimeSpan.Zero));

        var answer = await ChargeAsync(Build.Charge(2005));

        Assert.Equal("2026-03-11T00:00:00Z", answer.RetryDate());
    }

    [Fact]
    public async Task Decline_at_midnight_retries_at_the_next_midnight()
    {
        Sandbox.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero));

        var answer = await ChargeAsync(Build.Charge(2005));

        Assert.Equal("2026-03-12T00:00:00Z", answer.RetryDate());
    }

    [Theory]
    [InlineData(3016)]
    [InlineData(4018)]
    [InlineData(5023)]
    [InlineData(1000)]
    public async Task Only_soft_declines_have_a_retry_date(long amount)
    {
        var answer = await ChargeAsync(Build.Charge(amount));

        Assert.Null(answer.RetryDate());
    }

    [Fact]
    public async Task Refunds_have_no_retry_date()
    {
        var charge = await ChargeAsync(Build.Charge(2008 + 1));

        var refund = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp());

        Assert.Null(refund.RetryDate());
    }
}

public sealed class Retry_delay_setting_replaces_next_midnight : SandboxTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sandbox:RetryDelay"] = "00:05:00",
    };

    [Fact]
    public async Task Retry_date_is_now_plus_the_delay()
    {
        var answer = await ChargeAsync(Build.Charge(2008));

        Assert.Equal("2026-03-10T15:35:00Z", answer.RetryDate());
    }
}

public sealed class Offsetless_retry_date_switch_drops_the_z : SandboxTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sandbox:OffsetlessRetryDate"] = "true",
    };

    [Fact]
    public async Task Retry_date_has_no_offset_but_other_dates_keep_it()
    {
        var answer = await ChargeAsync(Build.Charge(2008));

        Assert.Equal("2026-03-11T00:00:00", answer.RetryDate());
        Assert.EndsWith("Z", (string?)answer["transactionDate"], StringComparison.Ordinal);
    }
}
