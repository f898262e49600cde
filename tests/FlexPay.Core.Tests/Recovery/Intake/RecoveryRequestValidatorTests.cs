using FlexPay.Core.Recovery.Intake;
using Microsoft.Extensions.Time.Testing;

namespace FlexPay.Core.Tests.Recovery.Intake;

public class RecoveryRequestValidatorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly RecoveryRequestValidator _validator = new(Clock);

    public static RecoveryRequest Valid() => new()
    {
        ExternalId = "rebill-42",
        OrderId = "INV-42",
        CustomerId = "cust-42",
        Email = "jane@example.com",
        Amount = 2008,
        Currency = "USD",
        Card = new CardInput
        {
            Number = "4920201996449560", ExpiryMonth = "07", ExpiryYear = "2024", Cvv = "879",
            FirstName = "Jane", LastName = "Doe", Address1 = "123 A St", PostalCode = "84062", City = "Townsville", State = "UT", Country = "US",
        },
        InitialDecline = new InitialDeclineInput { DeclinedAt = Clock.GetUtcNow().AddHours(-1), Code = "05", Message = "Do not honor" },
    };

    [Fact]
    public void A_complete_request_is_valid() => Assert.True(_validator.Validate(Valid()).IsValid);

    public static TheoryData<string, RecoveryRequest> BadFields => new()
    {
        { "ExternalId", Valid() with { ExternalId = null } },
        { "ExternalId", Valid() with { ExternalId = "<script>alert(1)</script>" } },
        { "ExternalId", Valid() with { ExternalId = new string('x', 101) } },
        { "OrderId", Valid() with { OrderId = "" } },
        { "CustomerId", Valid() with { CustomerId = "cust 42" } },
        { "Email", Valid() with { Email = "not-an-email" } },
        { "Amount", Valid() with { Amount = null } },
        { "Amount", Valid() with { Amount = 0 } },
        { "Amount", Valid() with { Amount = -100 } },
        { "Amount", Valid() with { Amount = long.MaxValue } },
        { "Currency", Valid() with { Currency = "XYZ" } },
        { "Currency", Valid() with { Currency = "usd" } },
        { "Description", Valid() with { Description = "<img src=x onerror=alert(1)>" } },
        { "Card.Number", Valid() with { Card = Valid().Card! with { Number = "4920201996449561" } } },
        { "Card.Number", Valid() with { Card = Valid().Card! with { Number = "4920-2019" } } },
        { "Card.ExpiryMonth", Valid() with { Card = Valid().Card! with { ExpiryMonth = "13" } } },
        { "Card.ExpiryYear", Valid() with { Card = Valid().Card! with { ExpiryYear = "24" } } },
        { "Card.Cvv", Valid() with { Card = Valid().Card! with { Cvv = "12a" } } },
        { "Card.FirstName", Valid() with { Card = Valid().Card! with { FirstName = null } } },
        { "Card.Country", Valid() with { Card = Valid().Card! with { Country = "USA" } } },
        { "InitialDecline.DeclinedAt", Valid() with { InitialDecline = new InitialDeclineInput { DeclinedAt = Clock.GetUtcNow().AddDays(1) } } },
        { "InitialDecline.DeclinedAt", Valid() with { InitialDecline = new InitialDeclineInput { DeclinedAt = Clock.GetUtcNow().AddDays(-31) } } },
        { "InitialDecline.DeclinedAt", Valid() with { InitialDecline = new InitialDeclineInput() } },
        { "card", Valid() with { Card = null } },
        { "card", Valid() with { PaymentMethodId = "PM123" } },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void Each_bad_field_gets_its_own_error(string field, RecoveryRequest request)
    {
        var errors = _validator.Validate(request).ToDictionary();

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Several_bad_fields_are_all_named_at_once()
    {
        var errors = _validator.Validate(Valid() with { OrderId = null, Amount = -1, Currency = "???" }).ToDictionary();

        Assert.Equal(["Amount", "Currency", "OrderId"], errors.Keys.Order());
    }

    [Fact]
    public void A_vault_token_alone_is_a_valid_instrument() =>
        Assert.True(_validator.Validate(Valid() with { Card = null, PaymentMethodId = "PLM5OKN6IJB7UHV2YGC3TFX4RD" }).IsValid);

    [Fact]
    public void A_card_never_prints_its_number() =>
        Assert.DoesNotContain("4920201996449560", Valid().Card!.ToString());
}
