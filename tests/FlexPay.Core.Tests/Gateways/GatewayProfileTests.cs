using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlexPay.Core.Accounts;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Gateways;

namespace FlexPay.Core.Tests.Gateways;

/// <summary>The one record of a gateway's settings: how it compares, how a change is merged onto it, what it refuses.</summary>
public sealed class GatewayProfileTests
{
    private static readonly GatewayProfile Profile = new()
    {
        GatewayType = "nmi", MerchantAccountReferenceId = "MID-1", CurrencyCode = "USD", AcceptedCurrencyCodes = ["USD", "EUR"],
        Weight = 2, ApprovedChargeOrCaptureRateFee = 2.90m,
    };

    [Fact]
    public void Profiles_that_differ_only_in_case_order_or_decimal_scale_are_the_same()
    {
        var restated = Profile with { CurrencyCode = "usd", AcceptedCurrencyCodes = ["eur", "USD", "EUR"], ApprovedChargeOrCaptureRateFee = 2.9m };

        Assert.True(Profile.SameAs(restated));
        Assert.Empty(Profile.Differences(restated));
        Assert.False(Profile.SameAs(Profile with { CvvRequired = true }));
    }

    [Fact]
    public void Differences_name_each_setting_by_its_FlexPay_name_with_both_values_as_text()
    {
        var theirs = Profile with { Weight = 9, AcceptedCurrencyCodes = ["USD"], OtherTransactionFlatFee = 0.10m };

        Assert.Equal(
            [
                new FieldDifference("acceptedCurrencyCodes", "EUR,USD", "USD"),
                new FieldDifference("otherTransactionFlatFee", null, "0.1"),
                new FieldDifference("weight", "2", "9"),
            ],
            Profile.Differences(theirs).OrderBy(d => d.Field, StringComparer.Ordinal));
    }

    [Fact]
    public void A_derived_record_compares_as_its_profile_alone()
    {
        var definition = new GatewayDefinition(Profile) { Name = "Main", Settings = new Dictionary<string, string> { ["k"] = "v" } };

        Assert.True(Profile.SameAs(definition));
        Assert.Equal(typeof(GatewayProfile), definition.Normalized().GetType());
    }

    [Fact]
    public void A_change_keeps_what_it_leaves_out_sets_what_it_gives_and_clears_an_optional_setting_given_as_null()
    {
        var current = new GatewayDraft { Name = "MID Boston", Company = "default", GatewayType = "nmi", MerchantAccountReferenceId = "MID-1", CurrencyCode = "USD", Weight = 2 };

        var changed = current.With(Json("""{"Weight":5,"merchantAccountReferenceId":null,"credentials":{"key":"v"}}"""), JsonSerializerOptions.Web);

        Assert.Equal(("MID Boston", "default", "nmi", "USD"), (changed.Name, changed.Company, changed.GatewayType, changed.CurrencyCode));
        Assert.Equal(5, changed.Weight);
        Assert.Null(changed.MerchantAccountReferenceId);
        Assert.Equal("v", changed.Credentials!["key"]);
        Assert.Equal(2, current.Weight);
    }

    [Fact]
    public void A_change_with_a_wrongly_typed_setting_names_it()
    {
        var error = Assert.Throws<JsonException>(() => new GatewayDraft().With(Json("""{"weight":"heavy"}"""), JsonSerializerOptions.Web));

        Assert.Contains("weight", error.Path, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Name", "MID\u202EnotseB")]
    [InlineData("Name", "MID\u200BBoston")]
    [InlineData("Name", "MID\u2066Boston\u2069")]
    [InlineData("MerchantAccountReferenceId", "MID\u200D1")]
    [InlineData("MerchantAccountReferenceId", "MID\u00071")]
    public void A_name_or_reference_that_could_display_as_another_is_refused_by_name(string field, string text)
    {
        var draft = new GatewayDraft { Name = "MID Boston", GatewayType = "nmi", CurrencyCode = "USD" };
        draft = field == "Name" ? draft with { Name = text } : draft with { MerchantAccountReferenceId = text };

        var errors = new GatewayDraftValidator(new NoAccounts(), creating: true).Validate(draft).ToDictionary();

        Assert.Equal([field], errors.Keys);
    }

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    private sealed class NoAccounts : IFlexPayAccounts
    {
        public string DefaultCompany => "default";

        public bool Exists(string company) => company == DefaultCompany;

        public FlexPayApiKey GetApiKey(string company) => throw new NotSupportedException();

        public bool TryGetApiKey(string company, [NotNullWhen(true)] out FlexPayApiKey? key)
        {
            key = null;
            return false;
        }

        public bool NeedsReentry(string company) => false;

        public IReadOnlyList<FlexPayAccount> List() => [];

        public Task<FlexPayAccount> AddAsync(string company, FlexPayMode mode, string apiKey, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<FlexPayAccount> ReplaceKeyAsync(string company, string apiKey, CancellationToken ct = default) => throw new NotSupportedException();

        public Task RemoveAsync(string company, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
