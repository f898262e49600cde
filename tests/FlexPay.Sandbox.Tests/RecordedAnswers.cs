using System.Text.Json.Nodes;
using static FlexPay.Sandbox.Tests.Support.WholeAnswer;

namespace FlexPay.Sandbox.Tests;

/// <summary>
/// Whole answers as FlexPay's 2022–23 recordings show them (flexpay-api.md §4.11), for requests made with
/// <see cref="Build"/> on the host's fake clock. A test takes one, changes what its case changes, and
/// compares the whole answer with <see cref="Support.WholeAnswer.Equal"/>.
/// </summary>
public static class Recorded
{
    /// <summary><see cref="SandboxHost.Start"/> as the wire writes it.</summary>
    public const string Now = "2026-03-10T15:30:00Z";

    /// <summary>The sandbox's retry date for <see cref="Now"/>: the next 00:00 UTC.</summary>
    public const string NextMidnight = "2026-03-11T00:00:00Z";

    public static JsonObject ApprovedVerification() => new()
    {
        ["avsCode"] = "S",
        ["avsMessage"] = "AVS not supported.",
        ["cvvCode"] = "M",
        ["cvvMessage"] = "Approved",
        ["errorCode"] = null,
        ["errorDetail"] = "",
    };

    public static JsonObject NoVerification() => new()
    {
        ["avsCode"] = null,
        ["avsMessage"] = null,
        ["cvvCode"] = null,
        ["cvvMessage"] = null,
        ["errorCode"] = null,
        ["errorDetail"] = null,
    };

    /// <summary>The snapshot of <see cref="Build.Card"/> (the test Visa): no gateway-stored members (§4.11.3).</summary>
    public static JsonObject VisaSnapshot(string? fingerprint, string customerId = "cust-8841", string storageState = "Cached") => new()
    {
        ["paymentMethodId"] = AnyToken,
        ["creditCardNumber"] = "492020******9560",
        ["expiryMonth"] = "07",
        ["expiryYear"] = "2024",
        ["cvv"] = "***",
        ["firstName"] = "John",
        ["lastName"] = "Doe",
        ["fullName"] = "John Doe",
        ["customerId"] = customerId,
        ["address1"] = "123 A St",
        ["address2"] = null,
        ["postalCode"] = "84062",
        ["city"] = "Townsville",
        ["state"] = "UT",
        ["country"] = "US",
        ["email"] = "johndoe@example.com",
        ["phoneNumber"] = null,
        ["paymentMethodType"] = "CreditCard",
        ["fingerprint"] = fingerprint,
        ["lastFourDigits"] = "9560",
        ["firstSixDigits"] = "492020",
        ["cardType"] = "VISA",
        ["dateCreated"] = Now,
        ["storageState"] = storageState,
    };

    /// <summary>
    /// The approved answer to <paramref name="request"/> (a <see cref="Build.Charge"/>) through the company's
    /// built-in sandbox gateway. A Charge has no fingerprint and no retry date; an Authorize has both (§4.11.1–2).
    /// </summary>
    public static JsonObject Approved(JsonObject request, string transactionType)
    {
        var authorize = transactionType == "Authorize";
        return new JsonObject
        {
            ["response"] = ApprovedVerification(),
            ["paymentMethod"] = VisaSnapshot(fingerprint: authorize ? AnyToken : null),
            ["transactionId"] = AnyToken,
            ["transactionDate"] = Now,
            ["transactionStatus"] = 1,
            ["message"] = "Approved.",
            ["responseCode"] = "10000",
            ["transactionType"] = transactionType,
            ["merchantTransactionId"] = request["merchantTransactionId"]!.DeepClone(),
            ["customerId"] = "cust-8841",
            ["currencyCode"] = "USD",
            ["amount"] = request["amount"]!.DeepClone(),
            ["gatewayToken"] = AnyToken,
            ["gatewayType"] = "flexpay_sandbox",
            ["gatewayTransactionId"] = AnyGuid,
            ["merchantAccountReferenceId"] = "Sandbox123",
            ["assignedGatewayToken"] = AnyToken,
            ["orderId"] = request["orderId"]!.DeepClone(),
            ["retryDate"] = authorize ? NextMidnight : null,
            ["retryCount"] = 0,
            ["dateFirstAttempt"] = Now,
            ["description"] = null,
            ["customerIp"] = null,
            ["shippingAddress"] = EmptyShippingAddress(),
            ["referenceData"] = AnyReferenceData,
            ["disableCustomerRecovery"] = false,
            ["customVariable1"] = null,
            ["customVariable2"] = null,
            ["customVariable3"] = null,
            ["customVariable4"] = null,
            ["customVariable5"] = null,
            ["paymentModel"] = null,
            ["engagedRecoveryState"] = 0,
            ["productSku"] = null,
            ["subscriptionId"] = null,
        };
    }

    /// <summary>
    /// The approved answer to a follow-up of <paramref name="original"/> (an answer the test received): the
    /// original's members with a new id and outcome, no paymentModel, customerIp null unless a capture (§4.11.5).
    /// </summary>
    public static JsonObject ApprovedFollowUp(JsonNode original, JsonObject request, string transactionType, long amount)
    {
        var expected = (JsonObject)original.DeepClone();
        expected.Remove("paymentModel");
        expected["response"] = ApprovedVerification();
        expected["transactionId"] = AnyToken;
        expected["transactionStatus"] = 1;
        expected["message"] = "Approved.";
        expected["responseCode"] = "10000";
        expected["transactionType"] = transactionType;
        expected["merchantTransactionId"] = request["merchantTransactionId"]!.DeepClone();
        expected["amount"] = amount;
        expected["gatewayTransactionId"] = AnyGuid;
        expected["retryDate"] = null;
        expected["retryCount"] = 0;
        expected["referenceData"] = AnyReferenceData;
        if (transactionType != "Capture")
        {
            expected["customerIp"] = null;
        }
        return expected;
    }

    /// <summary>"Original transaction not found" to a follow-up (§4.11.7), member by member.</summary>
    public static JsonObject OriginalNotFound(JsonObject request, string transactionType) => new()
    {
        ["response"] = NoVerification(),
        ["paymentMethod"] = UnresolvedCard(AnyGuid),
        ["transactionId"] = AnyToken,
        ["transactionDate"] = Now,
        ["transactionStatus"] = 2,
        ["message"] = "Original transaction not found using the field TransactionReferenceId.",
        ["responseCode"] = "50131",
        ["transactionType"] = transactionType,
        ["merchantTransactionId"] = request["merchantTransactionId"]!.DeepClone(),
        ["customerId"] = AnyGuid,
        ["currencyCode"] = "USD",
        ["amount"] = request["amount"]?.DeepClone() ?? 0,
        ["gatewayToken"] = "",
        ["gatewayType"] = "",
        ["gatewayTransactionId"] = null,
        ["merchantAccountReferenceId"] = null,
        ["assignedGatewayToken"] = "",
        ["orderId"] = "",
        ["retryDate"] = null,
        ["retryCount"] = 0,
        ["dateFirstAttempt"] = Now,
        ["description"] = null,
        ["customerIp"] = null,
        ["shippingAddress"] = EmptyShippingAddress(),
        ["referenceData"] = AnyReferenceData,
        ["disableCustomerRecovery"] = false,
        ["customVariable1"] = null,
        ["customVariable2"] = null,
        ["customVariable3"] = null,
        ["customVariable4"] = null,
        ["customVariable5"] = null,
        ["engagedRecoveryState"] = 0,
        ["productSku"] = null,
        ["subscriptionId"] = null,
    };

    /// <summary>
    /// The card of an answer that resolved none (§4.11.7): card members null, the rest as in 2019 (§2.2), a
    /// customer id, the date of the answer, a cached credit card, no gateway-stored members.
    /// </summary>
    public static JsonObject UnresolvedCard(string customerId) => new()
    {
        ["paymentMethodId"] = "",
        ["creditCardNumber"] = null,
        ["expiryMonth"] = null,
        ["expiryYear"] = null,
        ["cvv"] = null,
        ["firstName"] = null,
        ["lastName"] = null,
        ["fullName"] = null,
        ["customerId"] = customerId,
        ["address1"] = null,
        ["address2"] = null,
        ["postalCode"] = null,
        ["city"] = null,
        ["state"] = null,
        ["country"] = null,
        ["email"] = null,
        ["phoneNumber"] = null,
        ["paymentMethodType"] = "CreditCard",
        ["fingerprint"] = null,
        ["lastFourDigits"] = "",
        ["firstSixDigits"] = "",
        ["cardType"] = null,
        ["dateCreated"] = Now,
        ["storageState"] = "Cached",
    };

    /// <summary>A vault answer (§4.11.9): exactly these eight members.</summary>
    public static JsonObject VaultAnswer(JsonObject paymentMethod, string transactionType, string responseCode = "10000", string message = "Approved.") => new()
    {
        ["paymentMethod"] = paymentMethod,
        ["customerId"] = paymentMethod["customerId"]!.DeepClone(),
        ["responseCode"] = responseCode,
        ["message"] = message,
        ["transactionDate"] = Now,
        ["transactionId"] = AnyToken,
        ["transactionStatus"] = responseCode == "10000" ? 1 : 2,
        ["transactionType"] = transactionType,
    };

    private static JsonObject EmptyShippingAddress() => new()
    {
        ["address1"] = null,
        ["address2"] = null,
        ["postalCode"] = null,
        ["city"] = null,
        ["state"] = null,
        ["country"] = null,
    };
}
