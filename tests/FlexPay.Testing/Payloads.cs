using System.Text.Json.Nodes;

namespace FlexPay.Testing;

/// <summary>Intake payloads with FlexPay's Visa test card.</summary>
public static class Payloads
{
    public static JsonObject DeclinedPayment(long amount = 2402, string currency = "USD", DateTimeOffset? declinedAt = null) => new()
    {
        ["externalId"] = "rebill-" + Guid.NewGuid().ToString("N"),
        ["orderId"] = "INV-" + Guid.NewGuid().ToString("N")[..8],
        ["customerId"] = "cust-42",
        ["email"] = "jane@example.com",
        ["amount"] = amount,
        ["currency"] = currency,
        ["card"] = new JsonObject
        {
            ["number"] = "4920201996449560",
            ["expiryMonth"] = "07",
            ["expiryYear"] = "2024",
            ["cvv"] = "879",
            ["firstName"] = "Jane",
            ["lastName"] = "Doe",
            ["address1"] = "123 A St",
            ["postalCode"] = "84062",
            ["city"] = "Townsville",
            ["state"] = "UT",
            ["country"] = "US",
        },
        ["initialDecline"] = new JsonObject
        {
            ["declinedAt"] = (declinedAt ?? DateTimeOffset.UtcNow).ToString("O"),
            ["code"] = "05",
            ["message"] = "Do not honor",
        },
    };

    public static JsonObject With(this JsonObject payload, string member, JsonNode? value)
    {
        payload[member] = value;
        return payload;
    }
}
