using System.Text.Json.Nodes;
using static FlexPay.Sandbox.Tests.Support.WholeAnswer;

namespace FlexPay.Sandbox.Tests;

/// <summary>
/// Whole answers as FlexPay's 2022–23 recordings show them (flexpay-api.md §4.11), for requests made with
/// <see cref="Build"/> on the host's fake clock. A test takes one, changes what its case changes, and
/// compares the whole answer with <see cref="Support.WholeAnswer.Equal"/>. Members not given are null.
/// </summary>
public static class Recorded
{
    /// <summary><see cref="SandboxHost.Start"/> as the wire writes it.</summary>
    public const string Now = "2026-03-10T15:30:00Z";

    /// <summary>The sandbox's retry date for <see cref="Now"/>: the next 00:00 UTC.</summary>
    public const string NextMidnight = "2026-03-11T00:00:00Z";

    /// <summary>Every transaction answer's members (§2.1.5); charges and authorizations add <c>paymentModel</c>.</summary>
    private static readonly string[] TransactionMembers =
    [
        "response", "paymentMethod", "transactionId", "transactionDate", "transactionStatus", "message", "responseCode",
        "transactionType", "merchantTransactionId", "customerId", "currencyCode", "amount", "gatewayToken", "gatewayType",
        "gatewayTransactionId", "merchantAccountReferenceId", "assignedGatewayToken", "orderId", "retryDate", "retryCount",
        "dateFirstAttempt", "description", "customerIp", "shippingAddress", "referenceData", "disableCustomerRecovery",
        "customVariable1", "customVariable2", "customVariable3", "customVariable4", "customVariable5",
        "engagedRecoveryState", "productSku", "subscriptionId",
    ];

    /// <summary>A card snapshot's members; a gateway-stored card adds its two (§4.11.3).</summary>
    private static readonly string[] CardMembers =
    [
        "paymentMethodId", "creditCardNumber", "expiryMonth", "expiryYear", "cvv", "firstName", "lastName", "fullName",
        "customerId", "address1", "address2", "postalCode", "city", "state", "country", "email", "phoneNumber",
        "paymentMethodType", "fingerprint", "lastFourDigits", "firstSixDigits", "cardType", "dateCreated", "storageState",
    ];

    public static JsonObject NoVerification() =>
        AllNull("avsCode", "avsMessage", "cvvCode", "cvvMessage", "errorCode", "errorDetail");

    public static JsonObject ApprovedVerification() => Set(NoVerification(), new JsonObject
    {
        ["avsCode"] = "S",
        ["avsMessage"] = "AVS not supported.",
        ["cvvCode"] = "M",
        ["cvvMessage"] = "Approved",
        ["errorDetail"] = "",
    });

    /// <summary>The snapshot of <see cref="Build.Card"/> (the test Visa): the card sent, masked; no gateway-stored members (§4.11.3).</summary>
    public static JsonObject VisaSnapshot(string? fingerprint, string customerId = "cust-8841", string storageState = "Cached") =>
        Set(Set(AllNull(CardMembers), Build.Card()), new JsonObject
        {
            ["paymentMethodId"] = AnyToken,
            ["creditCardNumber"] = "492020******9560",
            ["cvv"] = "***",
            ["fullName"] = "John Doe",
            ["customerId"] = customerId,
            ["paymentMethodType"] = "CreditCard",
            ["fingerprint"] = fingerprint,
            ["lastFourDigits"] = "9560",
            ["firstSixDigits"] = "492020",
            ["cardType"] = "VISA",
            ["dateCreated"] = Now,
            ["storageState"] = storageState,
        });

    /// <summary>
    /// The snapshot of a gateway-stored card sent as <paramref name="sent"/>: what was sent, its digits as strings
    /// even when none were sent (§4.11.4), an empty CVV and the two gateway-stored members.
    /// </summary>
    public static JsonObject GatewayStoredSnapshot(JsonObject sent, string customerId, string? fingerprint, string? cardType, string storageState = "Cached")
    {
        var firstSix = (string?)sent["firstSixDigits"] ?? "";
        var lastFour = (string?)sent["lastFourDigits"] ?? "";
        return Set(Set(AllNull(CardMembers), sent), new JsonObject
        {
            ["paymentMethodId"] = AnyToken,
            ["creditCardNumber"] = firstSix + "******" + lastFour,
            ["cvv"] = "",
            ["customerId"] = customerId,
            ["paymentMethodType"] = "GatewayPaymentMethodId",
            ["fingerprint"] = fingerprint,
            ["lastFourDigits"] = lastFour,
            ["firstSixDigits"] = firstSix,
            ["cardType"] = cardType,
            ["dateCreated"] = Now,
            ["storageState"] = storageState,
        });
    }

    /// <summary>
    /// The card of an answer that resolved none (§4.11.7): card members null, the rest as in 2019 (§2.2), a
    /// customer id, the date of the answer, a cached credit card, no gateway-stored members.
    /// </summary>
    public static JsonObject UnresolvedCard(string customerId) => Set(AllNull(CardMembers), new JsonObject
    {
        ["paymentMethodId"] = "",
        ["customerId"] = customerId,
        ["paymentMethodType"] = "CreditCard",
        ["lastFourDigits"] = "",
        ["firstSixDigits"] = "",
        ["dateCreated"] = Now,
        ["storageState"] = "Cached",
    });

    /// <summary>
    /// The approved answer to <paramref name="request"/> (a <see cref="Build.Charge"/>) through the company's
    /// built-in sandbox gateway. A Charge has no fingerprint and no retry date; an Authorize has both (§4.11.1–2).
    /// </summary>
    public static JsonObject Approved(JsonObject request, string transactionType)
    {
        var authorize = transactionType == "Authorize";
        return Set(Transaction(request, transactionType), new JsonObject
        {
            ["response"] = ApprovedVerification(),
            ["paymentMethod"] = VisaSnapshot(fingerprint: authorize ? AnyToken : null),
            ["transactionStatus"] = 1,
            ["message"] = "Approved.",
            ["responseCode"] = "10000",
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
            ["paymentModel"] = null,
        });
    }

    /// <summary>
    /// The approved answer to a follow-up of <paramref name="original"/> (an answer the test received): the
    /// original's members with a new id and outcome, no paymentModel, customerIp null unless a capture (§4.11.5).
    /// </summary>
    public static JsonObject ApprovedFollowUp(JsonNode original, JsonObject request, string transactionType, long amount)
    {
        var expected = Set((JsonObject)original.DeepClone(), new JsonObject
        {
            ["response"] = ApprovedVerification(),
            ["transactionId"] = AnyToken,
            ["transactionStatus"] = 1,
            ["message"] = "Approved.",
            ["responseCode"] = "10000",
            ["transactionType"] = transactionType,
            ["merchantTransactionId"] = request["merchantTransactionId"]!.DeepClone(),
            ["amount"] = amount,
            ["gatewayTransactionId"] = AnyGuid,
            ["retryDate"] = null,
            ["retryCount"] = 0,
            ["referenceData"] = AnyReferenceData,
        });
        expected.Remove("paymentModel");
        if (transactionType != "Capture")
        {
            expected["customerIp"] = null;
        }
        return expected;
    }

    /// <summary>"Original transaction not found" to a follow-up (§4.11.7), member by member.</summary>
    public static JsonObject OriginalNotFound(JsonObject request, string transactionType) => Set(Transaction(request, transactionType), new JsonObject
    {
        ["response"] = NoVerification(),
        ["paymentMethod"] = UnresolvedCard(AnyGuid),
        ["transactionStatus"] = 2,
        ["message"] = "Original transaction not found using the field TransactionReferenceId.",
        ["responseCode"] = "50131",
        ["customerId"] = AnyGuid,
        ["currencyCode"] = "USD",
        ["amount"] = request["amount"]?.DeepClone() ?? 0,
        ["gatewayToken"] = "",
        ["gatewayType"] = "",
        ["assignedGatewayToken"] = "",
        ["orderId"] = "",
    });

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

    /// <summary>What every transaction answer to <paramref name="request"/> shares, the rest null.</summary>
    private static JsonObject Transaction(JsonObject request, string transactionType) => Set(AllNull(TransactionMembers), new JsonObject
    {
        ["transactionId"] = AnyToken,
        ["transactionDate"] = Now,
        ["transactionType"] = transactionType,
        ["merchantTransactionId"] = request["merchantTransactionId"]!.DeepClone(),
        ["retryCount"] = 0,
        ["dateFirstAttempt"] = Now,
        ["shippingAddress"] = AllNull("address1", "address2", "postalCode", "city", "state", "country"),
        ["referenceData"] = AnyReferenceData,
        ["disableCustomerRecovery"] = false,
        ["engagedRecoveryState"] = 0,
    });

    private static JsonObject AllNull(params string[] members) => new(members.Select(m => KeyValuePair.Create(m, (JsonNode?)null)));

    /// <summary>Writes every member of <paramref name="values"/> into <paramref name="target"/>, adding or replacing.</summary>
    private static JsonObject Set(JsonObject target, JsonObject values)
    {
        foreach (var (name, value) in values)
        {
            target[name] = value?.DeepClone();
        }
        return target;
    }
}
