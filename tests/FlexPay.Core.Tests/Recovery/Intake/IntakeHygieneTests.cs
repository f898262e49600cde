using FlexPay.Core.Money;
using FlexPay.Core.Recovery.Intake;
using Microsoft.Extensions.Time.Testing;

namespace FlexPay.Core.Tests.Recovery.Intake;

/// <summary>Hostile text in every field, and the amount capped per currency in major units.</summary>
public sealed class IntakeHygieneTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly RecoveryRequestValidator _validator = new(Clock);

    public static TheoryData<string, string> HiddenCharacters => new()
    {
        { "OrderId", "\u202E" }, { "ExternalId", "\u200B" }, { "CustomerId", "\u2066" }, { "Description", "\u202E" },
        { "Description", "\u2060" }, { "Email", "\u200D" }, { "Card.FirstName", "\u202D" }, { "Card.LastName", "\uFEFF" },
        { "Card.Address1", "\u2067" }, { "Card.City", "\u0007" }, { "Card.State", "\u200C" }, { "Card.PostalCode", "\u2069" },
        { "InitialDecline.Message", "\u202B" }, { "InitialDecline.Code", "\u0000" }, { "GatewayToken", "\u202E" },
        { "PaymentMethodId", "\u200B" },
    };

    [Theory]
    [MemberData(nameof(HiddenCharacters))]
    public void A_field_with_a_hidden_or_reordering_character_is_refused_by_name(string field, string character)
    {
        var request = WithText(RecoveryRequestValidatorTests.Valid(), field, character);

        Assert.Equal([field], _validator.Validate(request).ToDictionary().Keys);
    }

    [Theory]
    [InlineData("JPY", 10_000_000_000)]
    [InlineData("JPY", 150_000_001)]
    [InlineData("USD", 100_000_001)]
    [InlineData("KRW", 1_500_000_001)]
    [InlineData("BHD", 400_000_001)]
    [InlineData("USD", 10_000_000_000)]
    public void An_amount_above_the_currency_s_maximum_is_refused_naming_the_maximum(string currency, long amount)
    {
        var errors = _validator.Validate(RecoveryRequestValidatorTests.Valid() with { Currency = currency, Amount = amount }).ToDictionary();

        var message = Assert.Single(Assert.Single(errors, e => e.Key == "Amount").Value);
        Assert.Contains(new MoneyAmount(Currencies.Get(currency).MaxMinorUnits, currency).ToString(), message, StringComparison.Ordinal);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("JPY", 150_000_000)]
    [InlineData("USD", 100_000_000)]
    [InlineData("BHD", 400_000_000)]
    [InlineData("KRW", 1_500_000_000)]
    public void An_amount_at_the_currency_s_maximum_is_taken(string currency, long amount) =>
        Assert.True(_validator.Validate(RecoveryRequestValidatorTests.Valid() with { Currency = currency, Amount = amount }).IsValid);

    [Fact]
    public void Every_currency_documents_a_maximum_worth_about_as_much_in_each()
    {
        var usd = Currencies.Get("USD");
        Assert.All(Currencies.All, c =>
        {
            Assert.True(c.MaxMajorUnits > 0, c.Code);
            Assert.True(c.MaxMinorUnits / c.MinorUnitsPerMajor == c.MaxMajorUnits, $"{c.Code}'s maximum overflows minor units.");
        });
        Assert.Equal(1_000_000, usd.MaxMajorUnits);
        Assert.True(Currencies.Get("JPY").MaxMinorUnits < 10_000_000_000);
    }

    private static RecoveryRequest WithText(RecoveryRequest request, string field, string character) => field switch
    {
        "OrderId" => request with { OrderId = $"INV{character}42" },
        "ExternalId" => request with { ExternalId = $"rebill{character}42" },
        "CustomerId" => request with { CustomerId = $"cust{character}42" },
        "Description" => request with { Description = $"Monthly {character}plan" },
        "Email" => request with { Email = $"jane{character}@example.com" },
        "Card.FirstName" => request with { Card = request.Card! with { FirstName = $"Ja{character}ne" } },
        "Card.LastName" => request with { Card = request.Card! with { LastName = $"Doe{character}" } },
        "Card.Address1" => request with { Card = request.Card! with { Address1 = $"123 {character}A St" } },
        "Card.City" => request with { Card = request.Card! with { City = $"Towns{character}ville" } },
        "Card.State" => request with { Card = request.Card! with { State = $"U{character}T" } },
        "Card.PostalCode" => request with { Card = request.Card! with { PostalCode = $"840{character}62" } },
        "InitialDecline.Message" => request with { InitialDecline = request.InitialDecline! with { Message = $"Do not {character}honor" } },
        "InitialDecline.Code" => request with { InitialDecline = request.InitialDecline! with { Code = $"0{character}5" } },
        "GatewayToken" => request with { GatewayToken = $"GW{character}1" },
        "PaymentMethodId" => request with { Card = null, PaymentMethodId = $"PM{character}1" },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
