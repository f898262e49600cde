using System.Net;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi;

/// <summary>How HTTP 200 bodies and HTTP statuses become outcomes (flexpay-api.md §3, §7), through a charge.</summary>
public sealed class OutcomeClassificationTests
{
    private const string RetryDate = "2019-09-04T00:00:00Z";

    [Theory]
    [InlineData("10000", null, 1, FlexPayOutcome.Approved)]
    [InlineData("10000", RetryDate, 1, FlexPayOutcome.Approved)]
    [InlineData("10001", null, 1, FlexPayOutcome.Approved)]
    [InlineData("20003", RetryDate, 2, FlexPayOutcome.SoftDeclineWithRetryDate)]
    [InlineData("20023", null, 2, FlexPayOutcome.DeclinedWithoutRetryDate)]
    [InlineData("30011", null, 2, FlexPayOutcome.HardDecline)]
    [InlineData("30100", RetryDate, 2, FlexPayOutcome.HardDecline)]
    [InlineData("40000", null, 2, FlexPayOutcome.RiskDecline)]
    [InlineData("50000", null, 2, FlexPayOutcome.ValidationError)]
    [InlineData("50131", null, 2, FlexPayOutcome.ValidationError)]
    [InlineData("", null, 1, FlexPayOutcome.Approved)]
    [InlineData("", null, 2, FlexPayOutcome.DeclinedWithoutRetryDate)]
    [InlineData("99999", RetryDate, 2, FlexPayOutcome.DeclinedWithoutRetryDate)]
    [InlineData("abc", null, 3, FlexPayOutcome.DeclinedWithoutRetryDate)]
    public async Task An_http_200_body_is_classified_by_its_response_code(string code, string? retryDate, int status, FlexPayOutcome expected)
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson(WireSamples.Transaction(code, retryDate, status)));

        var result = await harness.Client.ChargeAsync(ClientHarness.Key, FlexPayTestData.Charge());

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(200, result.HttpStatus);
        Assert.False(result.MayHaveMovedMoney);
    }

    [Fact]
    public async Task Only_a_soft_decline_exposes_its_retry_date()
    {
        using var soft = new ClientHarness(StubTransport.AnsweringJson(WireSamples.Transaction("20003", RetryDate)));
        using var hard = new ClientHarness(StubTransport.AnsweringJson(WireSamples.Transaction("30011", RetryDate)));

        var softResult = await soft.Client.ChargeAsync(ClientHarness.Key, FlexPayTestData.Charge());
        var hardResult = await hard.Client.ChargeAsync(ClientHarness.Key, FlexPayTestData.Charge());

        Assert.Equal(DateTimeOffset.Parse(RetryDate, System.Globalization.CultureInfo.InvariantCulture), softResult.RetryDate);
        Assert.Null(hardResult.RetryDate);
        Assert.NotNull(hardResult.Transaction?.RetryDate);
    }

    /// <summary>One outcome for every call: transactions and gateway calls classify an HTTP error alike.</summary>
    public static TheoryData<HttpStatusCode, FlexPayOutcome> HttpErrors => new()
    {
        { HttpStatusCode.Unauthorized, FlexPayOutcome.AuthenticationFailed },
        { HttpStatusCode.Forbidden, FlexPayOutcome.AuthenticationFailed },
        { HttpStatusCode.BadRequest, FlexPayOutcome.BadRequest },
        { HttpStatusCode.NotFound, FlexPayOutcome.NotFound },
        { HttpStatusCode.InternalServerError, FlexPayOutcome.ServerError },
        { HttpStatusCode.HttpVersionNotSupported, FlexPayOutcome.ServerError },
        { HttpStatusCode.ServiceUnavailable, FlexPayOutcome.ServerError },
        { HttpStatusCode.MethodNotAllowed, FlexPayOutcome.ServerError },
    };

    [Theory]
    [MemberData(nameof(HttpErrors))]
    public async Task An_http_error_status_is_classified_with_the_message_from_its_body(HttpStatusCode status, FlexPayOutcome expected)
    {
        using var harness = new ClientHarness(StubTransport.Answering(status, """{"message":"Something precise."}"""));

        var result = await harness.Client.ChargeAsync(ClientHarness.Key, FlexPayTestData.Charge());

        Assert.Equal(expected, result.Outcome);
        Assert.Equal((int)status, result.HttpStatus);
        Assert.Equal("Something precise.", result.ErrorMessage);
        Assert.Null(result.Transaction);
        Assert.False(result.IsApproved);
    }

    [Fact]
    public async Task A_server_error_on_a_charge_may_have_moved_money_but_not_on_a_read()
    {
        using var harness = new ClientHarness(StubTransport.Answering(HttpStatusCode.InternalServerError, "boom"));

        var charge = await harness.Client.ChargeAsync(ClientHarness.Key, FlexPayTestData.Charge());
        var read = await harness.Client.GetByMerchantTransactionIdAsync(ClientHarness.Key, "mt-1");

        Assert.True(charge.MayHaveMovedMoney);
        Assert.Equal(FlexPayOutcome.ServerError, read.Outcome);
        Assert.False(read.MayHaveMovedMoney);
    }

    [Fact]
    public async Task A_server_error_on_a_vault_call_moved_no_money()
    {
        using var harness = new ClientHarness(StubTransport.Answering(HttpStatusCode.InternalServerError, ""));

        var created = await harness.Client.CreatePaymentMethodAsync(ClientHarness.Key, new CreatePaymentMethodRequest { Card = FlexPayTestData.Visa() });

        Assert.Equal(FlexPayOutcome.ServerError, created.Outcome);
        Assert.False(created.MayHaveMovedMoney);
    }

    [Fact]
    public void A_hand_made_server_error_assumes_money_may_have_moved()
    {
        Assert.True(new TransactionResult { Outcome = FlexPayOutcome.ServerError }.MayHaveMovedMoney);
        Assert.True(new TransactionResult { Outcome = FlexPayOutcome.OutcomeUnknown, CallMovesMoney = false }.MayHaveMovedMoney);
        Assert.False(new TransactionResult { Outcome = FlexPayOutcome.HardDecline }.MayHaveMovedMoney);
    }

    [Fact]
    public async Task A_plain_text_error_body_is_kept_but_truncated()
    {
        var text = new string('x', 1000);
        using var harness = new ClientHarness(StubTransport.Answering(HttpStatusCode.BadRequest, text));

        var result = await harness.Client.CaptureAsync(ClientHarness.Key, "T1", FlexPayTestData.FollowUp());

        Assert.StartsWith("xxxx", result.ErrorMessage, StringComparison.Ordinal);
        Assert.True(result.ErrorMessage!.Length < 400);
    }

    [Fact]
    public async Task An_unknown_transaction_id_is_not_found()
    {
        using var harness = new ClientHarness(StubTransport.Answering(HttpStatusCode.NotFound, """{"message":"Transaction not found."}"""));

        var result = await harness.Client.GetTransactionAsync(ClientHarness.Key, "NOPE");

        Assert.Equal(FlexPayOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task An_unreadable_200_to_a_charge_is_an_unknown_outcome()
    {
        using var harness = new ClientHarness(StubTransport.AnsweringJson("<html>maintenance</html>"));

        var charge = await harness.Client.ChargeAsync(ClientHarness.Key, FlexPayTestData.Charge());
        var read = await harness.Client.GetTransactionAsync(ClientHarness.Key, "T1");

        Assert.Equal(FlexPayOutcome.OutcomeUnknown, charge.Outcome);
        Assert.True(charge.MayHaveMovedMoney);
        Assert.Equal(FlexPayOutcome.ServerError, read.Outcome);
    }

    [Theory]
    [MemberData(nameof(HttpErrors))]
    public async Task A_gateway_call_reports_the_same_statuses(HttpStatusCode status, FlexPayOutcome expected)
    {
        using var harness = new ClientHarness(StubTransport.Answering(status, """{"message":"No."}"""));

        var response = await harness.Client.GetGatewayAsync(ClientHarness.Key, "GW1");

        Assert.Equal(expected, response.Outcome);
        Assert.False(response.IsOk);
        Assert.Equal("No.", response.ErrorMessage);
        Assert.Equal((int)status, response.HttpStatus);
    }
}
