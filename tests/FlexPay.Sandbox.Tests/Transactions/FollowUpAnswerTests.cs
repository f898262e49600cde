using System.Text.Json.Nodes;
using FlexPay.Sandbox.Tests.Support;

namespace FlexPay.Sandbox.Tests.Transactions;

/// <summary>Capture, void, refund and Refund-Payment answers member by member (flexpay-api.md §4.11.5–§4.11.7).</summary>
public sealed class Follow_ups_carry_no_payment_model_and_void_and_refund_no_customer_ip : SandboxTest
{
    private static JsonObject Original(long amount) => Build.Charge(amount)
        .With("customerIp", "196.168.1.123")
        .With("paymentModel", "subscription");

    [Fact]
    public async Task Capture_keeps_the_authorizations_customer_ip_and_fingerprint()
    {
        var auth = await AuthorizeAsync(Original(1234));
        var request = Build.FollowUp(1000);

        var capture = await FollowUpAsync(auth.Id(), "capture", request);

        WholeAnswer.Equal(Recorded.ApprovedFollowUp(auth, request, "Capture", 1000), capture);
        Assert.Equal("196.168.1.123", (string?)capture["customerIp"]);
    }

    [Fact]
    public async Task Void_answers_with_the_gateway_members_and_a_populated_response()
    {
        var charge = await ChargeAsync(Original(7514));
        var request = Build.FollowUp();

        var voided = await FollowUpAsync(charge.Id(), "void", request);

        WholeAnswer.Equal(Recorded.ApprovedFollowUp(charge, request, "Void", 7514), voided);
    }

    [Fact]
    public async Task Refund_answers_with_the_gateway_members_and_a_populated_response()
    {
        var charge = await ChargeAsync(Original(9001));
        var request = Build.FollowUp(4000);

        var refund = await FollowUpAsync(charge.Id(), "refund", request);

        WholeAnswer.Equal(Recorded.ApprovedFollowUp(charge, request, "Refund", 4000), refund);
    }

    [Fact]
    public async Task Refund_payment_reaches_no_gateway_and_answers_like_a_refund()
    {
        var charge = await ChargeAsync(Original(1000));
        var request = Build.FollowUp();
        var expected = Recorded.ApprovedFollowUp(charge, request, "RefundedPayment", 1000);
        expected["response"] = Recorded.NoVerification();
        expected["gatewayTransactionId"] = null;

        var reported = await FollowUpAsync(charge.Id(), "refundedpayment", request);

        WholeAnswer.Equal(expected, reported);
    }
}

public sealed class Refund_over_the_remaining_amount_writes_its_text_into_the_cvv_message : SandboxTest
{
    [Fact]
    public async Task Refund_of_5500_on_5000_is_30015_with_the_message_twice()
    {
        var charge = await ChargeAsync(Build.Charge(5000));
        var request = Build.FollowUp(5500);
        var expected = Recorded.ApprovedFollowUp(charge, request, "Refund", 5500);
        expected["transactionStatus"] = 2;
        expected["responseCode"] = "30015";
        expected["message"] = "Declined - invalid amount.";
        expected["response"]!["cvvMessage"] = "Declined - invalid amount.";

        var refund = await FollowUpAsync(charge.Id(), "refund", request);

        WholeAnswer.Equal(expected, refund);
    }
}

public sealed class Unknown_original_transaction_is_declined_with_50131 : SandboxTest
{
    [Theory]
    [InlineData("capture", "Capture")]
    [InlineData("void", "Void")]
    [InlineData("refund", "Refund")]
    [InlineData("refundedpayment", "RefundedPayment")]
    public async Task Follow_up_of_an_unknown_id_is_http_200_in_the_later_shape(string operation, string transactionType)
    {
        var request = Build.FollowUp(100);

        var answer = await FollowUpAsync("ZZZZZZZZZZZZZZZZZZZZZZZZZZ", operation, request);

        WholeAnswer.Equal(Recorded.OriginalNotFound(request, transactionType), answer);
        Assert.Equal((string?)answer["customerId"], (string?)answer["paymentMethod"]!["customerId"]);
    }

    [Fact]
    public async Task A_void_without_amount_answers_amount_0()
    {
        var request = Build.FollowUp();

        var answer = await FollowUpAsync("ZZZZZZZZZZZZZZZZZZZZZZZZZZ", "void", request);

        WholeAnswer.Equal(Recorded.OriginalNotFound(request, "Void"), answer);
    }
}
