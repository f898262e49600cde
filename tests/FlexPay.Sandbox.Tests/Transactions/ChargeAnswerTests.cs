using System.Text.Json.Nodes;
using FlexPay.Sandbox.Tests.Support;
using static FlexPay.Sandbox.Tests.Support.WholeAnswer;

namespace FlexPay.Sandbox.Tests.Transactions;

/// <summary>Charge and authorize answers member by member, as the 2022–23 recordings show them (flexpay-api.md §4.11).</summary>
public sealed class Approved_authorize_is_dated_and_approved_charge_is_not : SandboxTest
{
    [Fact]
    public async Task Approved_charge_has_no_retry_date_no_fingerprint_and_no_gateway_card_members()
    {
        var request = Build.Charge();

        var answer = await ChargeAsync(request);

        WholeAnswer.Equal(Recorded.Approved(request, "Charge"), answer);
    }

    [Fact]
    public async Task Approved_authorize_carries_the_next_retry_date_and_a_fingerprint()
    {
        var request = Build.Charge();

        var answer = await AuthorizeAsync(request);

        WholeAnswer.Equal(Recorded.Approved(request, "Authorize"), answer);
        Assert.Equal((string?)answer["paymentMethod"]!["paymentMethodId"], (string?)answer["paymentMethod"]!["fingerprint"]);
    }

    [Fact]
    public async Task The_date_of_an_approved_authorize_does_not_keep_its_chain_open()
    {
        var request = Build.Charge();
        var approved = await AuthorizeAsync(request);

        var retry = await AuthorizeAsync(Build.Retry(request, approved));

        Assert.Equal("30100", retry.Code());
        Assert.Null(retry.RetryDate());
    }

    [Fact]
    public async Task Echoed_members_keep_what_was_sent_and_payment_model_is_present()
    {
        var request = Build.Charge()
            .With("description", "Monthly plan")
            .With("customerIp", "196.168.1.123")
            .With("paymentModel", "subscription")
            .With("customVariable2", "cv-2")
            .With("shippingAddress", new JsonObject { ["city"] = "Ottawa", ["country"] = "CA" });
        var expected = Recorded.Approved(request, "Charge");
        expected["description"] = "Monthly plan";
        expected["customerIp"] = "196.168.1.123";
        expected["paymentModel"] = "subscription";
        expected["customVariable2"] = "cv-2";
        expected["shippingAddress"]!["city"] = "Ottawa";
        expected["shippingAddress"]!["country"] = "CA";

        var answer = await ChargeAsync(request);

        WholeAnswer.Equal(expected, answer);
    }
}

public sealed class Soft_declines_keep_the_2019_verification_values : SandboxTest
{
    [Fact]
    public async Task Do_not_honour_is_dated_the_next_midnight_with_an_approved_cvv()
    {
        var request = Build.Charge(2008);
        var expected = Recorded.Approved(request, "Charge");
        expected["transactionStatus"] = 2;
        expected["message"] = "Declined - do not honor.";
        expected["responseCode"] = "20003";
        expected["retryDate"] = Recorded.NextMidnight;

        var answer = await ChargeAsync(request);

        WholeAnswer.Equal(expected, answer);
    }

    [Fact]
    public async Task Cvv_202_is_40006_with_cvv_code_n()
    {
        var request = Build.Charge().With("paymentMethod.cvv", "202");
        var expected = Recorded.Approved(request, "Charge");
        expected["transactionStatus"] = 2;
        expected["message"] = "Declined - AVS/CVV not matched.";
        expected["responseCode"] = "40006";
        expected["response"]!["cvvCode"] = "N";
        expected["response"]!["cvvMessage"] = "(No Match) – The CVD value provided does not match the CVD value associated with the card.";

        var answer = await ChargeAsync(request);

        WholeAnswer.Equal(expected, answer);
    }
}

public sealed class Gateway_stored_cards_are_answered_with_their_gateway_members : SandboxTest
{
    private static JsonObject StoredCard() => new()
    {
        ["gatewayPaymentMethodId"] = "cus_12345",
        ["merchantAccountReferenceId"] = "MID-1",
        ["fullName"] = "Jane Sample",
        ["address1"] = "Street_A",
    };

    [Fact]
    public async Task A_charge_without_digits_answers_them_as_empty_strings_and_without_fingerprint()
    {
        var request = Build.Charge().With("paymentMethod", StoredCard());
        var expected = Recorded.Approved(request, "Charge");
        expected["paymentMethod"] = Recorded.GatewayStoredSnapshot(StoredCard(), "cust-8841", fingerprint: null, cardType: null);
        expected["response"]!["avsCode"] = "A";
        expected["response"]!["avsMessage"] = "Street address matches, but ZIP code does not.";

        var answer = await ChargeAsync(request);

        WholeAnswer.Equal(expected, answer);
    }

    [Fact]
    public async Task An_authorize_with_digits_answers_them_and_a_fingerprint()
    {
        var card = StoredCard().With("firstSixDigits", "492020").With("lastFourDigits", "9560");
        var request = Build.Charge().With("paymentMethod", card);
        var expected = Recorded.Approved(request, "Authorize");
        expected["paymentMethod"] = Recorded.GatewayStoredSnapshot(card, "cust-8841", fingerprint: AnyToken, cardType: "VISA");
        expected["response"]!["avsCode"] = "A";
        expected["response"]!["avsMessage"] = "Street address matches, but ZIP code does not.";

        var answer = await AuthorizeAsync(request);

        WholeAnswer.Equal(expected, answer);
    }
}
