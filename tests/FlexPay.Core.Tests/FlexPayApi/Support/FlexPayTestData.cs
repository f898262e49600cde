using FlexPay.Core.FlexPayApi;

namespace FlexPay.Core.Tests.FlexPayApi.Support;

/// <summary>Test-data builders for FlexPay requests: valid by default, changed with <c>with</c>.</summary>
internal static class FlexPayTestData
{
    public const string VisaNumber = "4920201996449560";
    public const string VisaCvv = "879";

    public static CardDetails Visa() => new()
    {
        Number = VisaNumber,
        ExpiryMonth = "07",
        ExpiryYear = "2024",
        Cvv = VisaCvv,
        FirstName = "John",
        LastName = "Doe",
        Address1 = "123 A St",
        PostalCode = "84062",
        City = "Townsville",
        State = "UT",
        Country = "US",
        Email = "johndoe@example.com",
    };

    public static ChargeRequest Charge(long amount = 1000, CardDetails? card = null) => new()
    {
        MerchantTransactionId = "mt-" + Guid.NewGuid().ToString("N"),
        OrderId = "INV-100045",
        Amount = amount,
        CurrencyCode = "USD",
        RetryCount = 0,
        CustomerId = "cust-8841",
        Card = card ?? Visa(),
    };

    public static FollowUpRequest FollowUp(long? amount = null) => new("fu-" + Guid.NewGuid().ToString("N"), amount);
}
