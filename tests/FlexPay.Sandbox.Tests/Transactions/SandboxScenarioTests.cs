using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Tests.Transactions;

public sealed class Test_cards_are_approved : SandboxTest
{
    [Theory]
    [InlineData("4920201996449560", "VISA", "492020******9560")]
    [InlineData("5244209084665514", "MASTERCARD", "524420******5514")]
    [InlineData("341674949684898", "AMERICAN EXPRESS", "341674*****4898")]
    [InlineData("30349475125576", "DINERS CLUB", "303494****5576")]
    [InlineData("3530111333300000", "JCB", "353011******0000")]
    [InlineData("6011885753412897", "DISCOVER", "601188******2897")]
    public async Task Each_test_card_is_approved_and_masked(string pan, string brand, string masked)
    {
        var answer = await ChargeAsync(Build.Charge(pan: pan));

        Assert.Equal("10000", answer.Code());
        Assert.Equal(1, answer.Status());
        Assert.Equal("Approved.", (string?)answer["message"]);
        Assert.Null(answer.RetryDate());
        Assert.Equal(brand, (string?)answer["paymentMethod"]!["cardType"]);
        Assert.Equal(masked, (string?)answer["paymentMethod"]!["creditCardNumber"]);
        Assert.Equal("***", (string?)answer["paymentMethod"]!["cvv"]);
    }

    [Fact]
    public async Task Expiry_and_cvv_need_not_match_the_table()
    {
        var answer = await ChargeAsync(Build.Charge().With("paymentMethod.expiryMonth", "09").With("paymentMethod.expiryYear", "2020"));

        Assert.Equal("10000", answer.Code());
    }
}

public sealed class Unknown_card_number_is_declined_with_30016 : SandboxTest
{
    [Theory]
    [InlineData("4000300011112220")]
    [InlineData("4111111111111111")]
    public async Task Any_other_pan_is_invalid_parameters(string pan)
    {
        var answer = await ChargeAsync(Build.Charge(pan: pan));

        Assert.Equal("30016", answer.Code());
        Assert.Equal(2, answer.Status());
        Assert.Equal("Error / Invalid parameters in the request.", (string?)answer["message"]);
        Assert.Null(answer.RetryDate());
    }

    [Fact]
    public async Task A_trigger_amount_does_not_rescue_a_non_test_card()
    {
        var answer = await ChargeAsync(Build.Charge(2008, pan: "4000300011112220"));

        Assert.Equal("30016", answer.Code());
    }
}

public sealed class Amount_triggers_produce_their_codes : SandboxTest
{
    [Theory]
    [InlineData(2005, "20000", true)]
    [InlineData(2008, "20003", true)]
    [InlineData(2012, "20023", true)]
    [InlineData(3016, "30011", false)]
    [InlineData(4018, "40000", false)]
    [InlineData(5023, "50000", false)]
    [InlineData(1000, "10000", false)]
    [InlineData(2009, "10000", false)]
    public async Task Charge_amount_decides_the_outcome(long amount, string code, bool retryable)
    {
        var answer = await ChargeAsync(Build.Charge(amount));

        Assert.Equal(code, answer.Code());
        Assert.Equal(code == "10000" ? 1 : 2, answer.Status());
        Assert.Equal(retryable, answer.RetryDate() is not null);
    }

    [Theory]
    [InlineData(2008, "20003")]
    [InlineData(3016, "30011")]
    [InlineData(1500, "10000")]
    public async Task Authorize_amount_decides_the_outcome(long amount, string code)
    {
        var answer = await AuthorizeAsync(Build.Charge(amount));

        Assert.Equal(code, answer.Code());
        Assert.Equal("Authorize", (string?)answer["transactionType"]);
    }

    [Theory]
    [InlineData(2008, "20003", true)]
    [InlineData(4018, "40000", false)]
    [InlineData(700, "10000", false)]
    public async Task Capture_amount_decides_the_outcome(long amount, string code, bool retryable)
    {
        var auth = await AuthorizeAsync(Build.Charge(10000));

        var capture = await FollowUpAsync(auth.Id(), "capture", Build.FollowUp(amount));

        Assert.Equal(code, capture.Code());
        Assert.Equal(retryable, capture.RetryDate() is not null);
    }
}

public sealed class Cvv_values_produce_their_codes : SandboxTest
{
    [Theory]
    [InlineData("201", "U", "30049")]
    [InlineData("202", "N", "40006")]
    [InlineData("203", "M", "10000")]
    [InlineData("204", "Q", "30049")]
    [InlineData("205", "P", "30049")]
    [InlineData("206", "S", "40003")]
    [InlineData("879", "M", "10000")]
    public async Task Cvv_decides_cvv_code_and_response_code(string cvv, string cvvCode, string code)
    {
        var answer = await ChargeAsync(Build.Charge().With("paymentMethod.cvv", cvv));

        Assert.Equal(code, answer.Code());
        Assert.Equal(cvvCode, (string?)answer["response"]!["cvvCode"]);
        Assert.Null(answer.RetryDate());
    }

    [Fact]
    public async Task Cvv_202_says_not_matched_and_does_not_match()
    {
        var answer = await ChargeAsync(Build.Charge().With("paymentMethod.cvv", "202"));

        Assert.Contains("not matched", (string?)answer["message"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("does not match", (string?)answer["response"]!["cvvMessage"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Default_cvv_answer_is_match_approved()
    {
        var answer = await ChargeAsync(Build.Charge());

        Assert.Equal("Approved", (string?)answer["response"]!["cvvMessage"]);
    }
}

public sealed class Avs_code_follows_address1 : SandboxTest
{
    [Theory]
    [InlineData("Street_A", "A")]
    [InlineData("Street_E", "E")]
    [InlineData("Street_N", "N")]
    [InlineData("Street_S", "S")]
    [InlineData("Street_X", "X")]
    [InlineData("Street_Y", "Y")]
    [InlineData("123 A St", "S")]
    public async Task Address1_decides_the_avs_code_without_changing_the_outcome(string address1, string avsCode)
    {
        var answer = await ChargeAsync(Build.Charge().With("paymentMethod.address1", address1));

        Assert.Equal(avsCode, (string?)answer["response"]!["avsCode"]);
        Assert.Equal("10000", answer.Code());
    }

    [Fact]
    public async Task Declines_at_the_gateway_carry_the_avs_code_too()
    {
        var answer = await ChargeAsync(Build.Charge(2008).With("paymentMethod.address1", "Street_N"));

        Assert.Equal("N", (string?)answer["response"]!["avsCode"]);
        Assert.Equal("20003", answer.Code());
    }

    [Fact]
    public async Task Default_avs_answer_is_not_supported()
    {
        var answer = await ChargeAsync(Build.Charge());

        Assert.Equal("AVS not supported.", (string?)answer["response"]!["avsMessage"]);
    }
}

public sealed class Recovery_scenarios_follow_disable_customer_recovery : SandboxTest
{
    [Theory]
    [InlineData(6020, true, "10000", false)]
    [InlineData(6020, false, "20000", true)]
    [InlineData(7028, true, "30080", false)]
    [InlineData(2005, true, "30080", false)]
    [InlineData(2008, true, "30082", false)]
    [InlineData(2012, true, "30087", false)]
    [InlineData(2012, false, "20023", true)]
    public async Task Recovery_flag_decides_code_and_retry_date(long amount, bool disable, string code, bool hasRetryDate)
    {
        var answer = await ChargeAsync(Build.Charge(amount).With("disableCustomerRecovery", disable));

        Assert.Equal(code, answer.Code());
        Assert.Equal(hasRetryDate, answer.RetryDate() is not null);
        Assert.Equal(disable, (bool)answer["disableCustomerRecovery"]!);
    }

    [Fact]
    public async Task No_retry_mirror_carries_reference_data_but_no_retry_date()
    {
        var answer = await ChargeAsync(Build.Charge(2008).With("disableCustomerRecovery", "true"));

        Assert.Equal("30082", answer.Code());
        Assert.NotNull(answer.ReferenceData());
        Assert.Null(answer.RetryDate());
    }
}

public sealed class Emulator_trigger_recovers_on_a_chosen_retry : SandboxTest
{
    [Fact]
    public async Task Amount_2402_declines_retries_0_and_1_and_approves_retry_2()
    {
        var first = Build.Charge(2402);
        var declined0 = await ChargeAsync(first);
        var second = Build.Retry(first, declined0);
        var declined1 = await ChargeAsync(second);
        var approved2 = await ChargeAsync(Build.Retry(second, declined1));

        Assert.Equal(("20003", "20003", "10000"), (declined0.Code(), declined1.Code(), approved2.Code()));
        Assert.NotNull(declined1.RetryDate());
        Assert.Null(approved2.RetryDate());
    }

    [Fact]
    public async Task A_chain_starting_at_retry_1_recovers_on_retry_2_for_amount_2402()
    {
        var request = Build.Charge(2402).With("retryCount", 1);

        var declined = await ChargeAsync(request);
        var approved = await ChargeAsync(Build.Retry(request, declined));

        Assert.Equal(("20003", "10000"), (declined.Code(), approved.Code()));
    }
}
