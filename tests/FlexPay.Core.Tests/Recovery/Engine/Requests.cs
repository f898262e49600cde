using FlexPay.Core.Recovery.Intake;

namespace FlexPay.Core.Tests.Recovery.Engine;

/// <summary>Intake requests with FlexPay's sandbox test cards and trigger amounts.</summary>
internal static class Requests
{
    public const string VisaTestCard = "4920201996449560";

    /// <summary>Sandbox amounts: 2008 soft-declines (20003), 3016 hard (30011), 4018 risk (40000), 5023 validation (50000), others approve.</summary>
    public static RecoveryRequest Payment(long amount, string currency = "USD", DateTimeOffset? merchantDeclinedAt = null) => new()
    {
        ExternalId = "ext-" + Guid.NewGuid().ToString("N"),
        OrderId = "INV-" + Guid.NewGuid().ToString("N")[..10],
        CustomerId = "cust-7",
        Email = "jane@example.com",
        Amount = amount,
        Currency = currency,
        Card = new CardInput
        {
            Number = VisaTestCard, ExpiryMonth = "07", ExpiryYear = "2024", Cvv = "879",
            FirstName = "Jane", LastName = "Doe", Address1 = "123 A St", PostalCode = "84062", City = "Townsville", State = "UT", Country = "US",
        },
        InitialDecline = merchantDeclinedAt is { } at ? new InitialDeclineInput { DeclinedAt = at, Code = "05", Message = "Do not honor" } : null,
    };
}
