using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Tests.Chains;

public sealed class Soft_decline_returns_retry_date_and_reference_data : SandboxTest
{
    [Fact]
    public async Task Reference_data_has_the_observed_44_byte_layout()
    {
        var answer = await ChargeAsync(Build.Charge(2008));

        var referenceData = answer.ReferenceData()!;
        var bytes = Convert.FromBase64String(referenceData);
        Assert.Equal(60, referenceData.Length);
        Assert.Equal(44, bytes.Length);
        Assert.Equal(0x08, bytes[0]);
        Assert.Equal(1, BitConverter.ToUInt16(bytes, 2));
        Assert.Equal(SandboxHost.Start.UtcTicks, BitConverter.ToInt64(bytes, 4));
        Assert.NotEqual(Guid.Empty, new Guid(bytes.AsSpan(12, 16)));
        Assert.NotEqual(Guid.Empty, new Guid(bytes.AsSpan(28, 16)));
    }

    [Fact]
    public async Task Retry_date_is_the_next_utc_midnight()
    {
        var answer = await ChargeAsync(Build.Charge(2012));

        Assert.Equal("2026-03-11T00:00:00Z", answer.RetryDate());
    }

    [Fact]
    public async Task Approval_reference_data_has_flag_zero_and_empty_attempt_guid()
    {
        var answer = await ChargeAsync(Build.Charge());

        var bytes = Convert.FromBase64String(answer.ReferenceData()!);
        Assert.Equal(0x00, bytes[0]);
        Assert.Equal(Guid.Empty, new Guid(bytes.AsSpan(12, 16)));
    }
}

public sealed class Reference_data_must_be_daisy_chained : SandboxTest
{
    [Fact]
    public async Task A_chain_of_three_soft_declines_each_returns_new_reference_data()
    {
        var first = Build.Charge(2008);
        var r1 = await ChargeAsync(first);
        var second = Build.Retry(first, r1);
        var r2 = await ChargeAsync(second);
        var third = Build.Retry(second, r2);
        var r3 = await ChargeAsync(third);

        Assert.All(new[] { r1, r2, r3 }, r => Assert.Equal("20003", r.Code()));
        Assert.All(new[] { r1, r2, r3 }, r => Assert.NotNull(r.RetryDate()));
        Assert.Equal(3, new[] { r1.ReferenceData(), r2.ReferenceData(), r3.ReferenceData() }.Distinct().Count());
        Assert.Equal(3, BitConverter.ToUInt16(Convert.FromBase64String(r3.ReferenceData()!), 2));
        Assert.Equal(2, (long)r3["retryCount"]!);
        Assert.Equal((string?)r1["dateFirstAttempt"], (string?)r3["dateFirstAttempt"]);
    }

    [Fact]
    public async Task Sending_the_first_reference_data_again_is_stale_50132()
    {
        var first = Build.Charge(2008);
        var r1 = await ChargeAsync(first);
        var r2 = await ChargeAsync(Build.Retry(first, r1));

        var stale = await ChargeAsync(Build.Retry(first, r1).With("retryCount", 2));

        Assert.Equal("20003", r2.Code());
        Assert.Equal("50132", stale.Code());
        Assert.Contains("latest", (string?)stale["message"], StringComparison.OrdinalIgnoreCase);
        Assert.Null(stale.RetryDate());
    }

    [Fact]
    public async Task A_stale_attempt_does_not_break_the_chain()
    {
        var first = Build.Charge(2008);
        var r1 = await ChargeAsync(first);
        var second = Build.Retry(first, r1);
        var r2 = await ChargeAsync(second);
        await ChargeAsync(Build.Retry(first, r1));

        var recovered = await ChargeAsync(Build.Retry(second, r2, amount: 1000));

        Assert.Equal("10000", recovered.Code());
        Assert.Equal(2, (long)recovered["retryCount"]!);
    }

    [Fact]
    public async Task Chained_retry_keeps_the_chain_date_first_attempt()
    {
        var first = Build.Charge(2008).With("dateFirstAttempt", "2026-03-09T12:00:00Z");
        var r1 = await ChargeAsync(first);

        var r2 = await ChargeAsync(Build.Retry(first, r1).With("dateFirstAttempt", "2026-03-10T00:00:00Z"));

        Assert.Equal("2026-03-09T12:00:00Z", (string?)r2["dateFirstAttempt"]);
    }
}

public sealed class Invalid_reference_data_is_rejected_with_50132 : SandboxTest
{
    [Theory]
    [InlineData("not-base64!!")]
    [InlineData("AAAA")]
    [InlineData("CAABAHh3Fb2kQ9cIA1x7Qm9rZXJlZkRhdGFFeGFtcGxlQmxvYlRoaXMzMjE=")]
    public async Task Value_not_issued_by_this_sandbox_is_invalid(string referenceData)
    {
        var answer = await ChargeAsync(Build.Charge().With("retryCount", 1).With("referenceData", referenceData));

        Assert.Equal("50132", answer.Code());
        Assert.Equal(2, answer.Status());
    }

    [Fact]
    public async Task Another_companys_reference_data_is_invalid()
    {
        var first = Build.Charge(2008);
        var r1 = await ChargeAsync(first);
        using var other = Sandbox.NewClient(SandboxHost.OtherKey);

        var answer = await ChargeAsync(Build.Retry(first, r1), other);

        Assert.Equal("50132", answer.Code());
    }
}

public sealed class Retry_limit_is_15_retries_or_30_days : SandboxTest
{
    private async Task<(JsonObject Request, JsonNode Answer)> ChainAsync(int retries)
    {
        var request = Build.Charge(2008);
        var answer = await ChargeAsync(request);
        for (var i = 0; i < retries; i++)
        {
            request = Build.Retry(request, answer);
            answer = await ChargeAsync(request);
        }
        return (request, answer);
    }

    [Fact]
    public async Task Retry_14_still_gets_a_retry_date()
    {
        var (_, answer) = await ChainAsync(14);

        Assert.Equal("20003", answer.Code());
        Assert.NotNull(answer.RetryDate());
    }

    [Fact]
    public async Task Retry_15_soft_decline_gets_no_retry_date()
    {
        var (_, answer) = await ChainAsync(15);

        Assert.Equal("20003", answer.Code());
        Assert.Null(answer.RetryDate());
        Assert.NotNull(answer.ReferenceData());
    }

    [Fact]
    public async Task Retry_16_on_a_chain_is_30100()
    {
        var (request, answer) = await ChainAsync(15);

        var beyond = await ChargeAsync(Build.Retry(request, answer, amount: 1000));

        Assert.Equal("30100", beyond.Code());
        Assert.Null(beyond.RetryDate());
    }

    [Fact]
    public async Task Retry_count_above_15_on_an_open_chain_is_30100()
    {
        var request = Build.Charge(2008);
        var answer = await ChargeAsync(request);

        var jump = await ChargeAsync(Build.Retry(request, answer, amount: 1000).With("retryCount", 16));

        Assert.Equal("30100", jump.Code());
        Assert.NotNull(jump.ReferenceData());
    }

    [Fact]
    public async Task More_than_30_days_after_the_first_attempt_is_30100()
    {
        var request = Build.Charge(2008);
        var answer = await ChargeAsync(request);
        Sandbox.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));

        var late = await ChargeAsync(Build.Retry(request, answer, amount: 1000));

        Assert.Equal("30100", late.Code());
        Assert.Null(late.RetryDate());
    }

    [Fact]
    public async Task Exactly_30_days_after_the_first_attempt_is_still_processed()
    {
        var request = Build.Charge(2008);
        var answer = await ChargeAsync(request);
        Sandbox.Clock.Advance(TimeSpan.FromDays(30));

        var onTime = await ChargeAsync(Build.Retry(request, answer, amount: 1000));

        Assert.Equal("10000", onTime.Code());
    }

    [Fact]
    public async Task Soft_decline_whose_retry_would_pass_30_days_gets_no_retry_date()
    {
        var request = Build.Charge(2008).With("dateFirstAttempt", "2026-02-08T16:00:00Z");

        var answer = await ChargeAsync(request);

        Assert.Equal("20003", answer.Code());
        Assert.Null(answer.RetryDate());
    }
}

public sealed class Closed_chain_declines_further_retries : SandboxTest
{
    [Fact]
    public async Task After_an_approval_the_chain_answers_30100()
    {
        var request = Build.Charge(2008);
        var declined = await ChargeAsync(request);
        var retry = Build.Retry(request, declined, amount: 1000);
        var approved = await ChargeAsync(retry);

        var again = await ChargeAsync(Build.Retry(retry, approved));

        Assert.Equal("10000", approved.Code());
        Assert.Equal("30100", again.Code());
        Assert.Null(again.RetryDate());
    }

    [Fact]
    public async Task After_a_hard_decline_the_chain_answers_30100()
    {
        var request = Build.Charge(2008);
        var declined = await ChargeAsync(request);
        var retry = Build.Retry(request, declined, amount: 3016);
        var hard = await ChargeAsync(retry);

        var again = await ChargeAsync(Build.Retry(retry, hard, amount: 1000));

        Assert.Equal("30011", hard.Code());
        Assert.Null(hard.RetryDate());
        Assert.Equal("30100", again.Code());
    }
}

public sealed class Charge_without_reference_data_starts_a_new_chain : SandboxTest
{
    [Fact]
    public async Task Any_retry_count_is_accepted_on_a_new_chain()
    {
        var answer = await ChargeAsync(Build.Charge().With("retryCount", 16));

        Assert.Equal("10000", answer.Code());
        Assert.Equal(16, (long)answer["retryCount"]!);
    }

    [Fact]
    public async Task Same_order_without_reference_data_is_a_new_chain()
    {
        var request = Build.Charge(2008);
        var first = await ChargeAsync(request);

        var fresh = await ChargeAsync(Build.Retry(request, first).With("referenceData", null));

        var chainOf = (JsonNode a) => Convert.FromBase64String(a.ReferenceData()!)[28..];
        Assert.Equal("20003", fresh.Code());
        Assert.NotEqual(chainOf(first), chainOf(fresh));
    }
}
