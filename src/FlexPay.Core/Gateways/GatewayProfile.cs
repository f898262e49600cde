using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlexPay.Core.Money;
using FlexPay.Core.Text;
using FluentValidation;

namespace FlexPay.Core.Gateways;

/// <summary>
/// A gateway's FlexPay settings besides its name, status and credentials, declared once, here: the gateway keeps
/// it as one EF Core complex property (each member its own column, named as the member); FlexPay's create body and
/// answers, the REST API's view and the screens' draft are this record plus their own members. A new FlexPay
/// setting is a member here (with its rule in <see cref="GatewayProfileValidator"/>) and a field on the gateway dialog.
/// </summary>
public record GatewayProfile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A gateway type code such as <c>nmi</c> or <c>flexpay_sandbox</c> (see <see cref="GatewayTypes"/>).</summary>
    [MaxLength(TextLimits.GatewayType)]
    public string GatewayType { get; init => field = value ?? ""; } = "";

    /// <summary>MID label for reporting; shows up on transactions.</summary>
    [MaxLength(TextLimits.MerchantAccountReferenceId)]
    public string? MerchantAccountReferenceId { get; init; }

    /// <summary>ISO 4217 currency of the merchant account.</summary>
    [MaxLength(TextLimits.CurrencyCode)]
    public string CurrencyCode { get; init => field = value ?? ""; } = "";

    /// <summary>Empty means every currency.</summary>
    public IReadOnlyList<string> AcceptedCurrencyCodes { get; init => field = value ?? []; } = [];

    /// <summary>Routing weight for weighted distribution (FlexPay's default is 1).</summary>
    public int Weight { get; init; } = 1;

    public bool AcceptRetries { get; init; } = true;

    public bool CvvRequired { get; init; }

    /// <summary>Percent fee on approved charges and captures.</summary>
    public decimal? ApprovedChargeOrCaptureRateFee { get; init; }

    public decimal? ApprovedChargeOrCaptureFlatFee { get; init; }

    public decimal? OtherTransactionFlatFee { get; init; }

    /// <summary>The profile alone (whatever record it is part of), its currency codes upper-case, the accepted ones sorted and distinct.</summary>
    public GatewayProfile Normalized() => new(this)
    {
        CurrencyCode = CurrencyCode.ToUpperInvariant(),
        AcceptedCurrencyCodes = [.. AcceptedCurrencyCodes.Select(c => c?.ToUpperInvariant() ?? "").Distinct().Order(StringComparer.Ordinal)],
    };

    /// <summary>Whether FlexPay routes a charge in <paramref name="currencyCode"/> here (an empty accepted list takes every currency).</summary>
    public bool Takes(string currencyCode) =>
        AcceptedCurrencyCodes.Count == 0 || AcceptedCurrencyCodes.Contains(currencyCode, StringComparer.OrdinalIgnoreCase);

    public bool SameAs(GatewayProfile other) => JsonNode.DeepEquals(Members(this), Members(other));

    /// <summary>Each setting in which <paramref name="theirs"/> differs, by its FlexPay name, with both values as text.</summary>
    public IReadOnlyList<FieldDifference> Differences(GatewayProfile theirs)
    {
        var mine = Members(this);
        var other = Members(theirs);
        return [.. mine.Select(m => m.Key).Union(other.Select(o => o.Key))
            .Select(field => new FieldDifference(field, Text(mine[field]), Text(other[field])))
            .Where(d => !string.Equals(d.Ours ?? "", d.FlexPays ?? "", StringComparison.Ordinal))];
    }

    private static JsonObject Members(GatewayProfile profile) =>
        JsonSerializer.SerializeToNode(profile.Normalized(), Json)!.AsObject();

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonArray items => string.Join(",", items.Select(Text)),
        JsonValue text when text.TryGetValue<string>(out var s) => s,
        JsonValue number when number.TryGetValue<decimal>(out var d) => d.ToString("0.########", CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };
}

/// <summary>What a gateway's settings must be, for every way in: the REST API, the gateway dialog, the certification run.</summary>
public sealed class GatewayProfileValidator : AbstractValidator<GatewayProfile>
{
    public const int MaxAcceptedCurrencies = 50;

    public GatewayProfileValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(p => p.GatewayType).NotEmpty().WithMessage("Choose the gateway type.")
            .Must(GatewayTypes.IsKnown)
            .WithMessage(p => $"'{p.GatewayType}' is not a FlexPay gateway type (e.g. nmi, stripe, authorize_net, flexpay_sandbox).");
        RuleFor(p => p.MerchantAccountReferenceId).MaximumLength(TextLimits.MerchantAccountReferenceId).PlainText();
        RuleFor(p => p.CurrencyCode).NotEmpty().WithMessage("Give the gateway's settlement currency.")
            .Must(Currencies.IsSupported).WithMessage(p => $"'{p.CurrencyCode}' is not a supported ISO 4217 currency code.");
        RuleFor(p => p.AcceptedCurrencyCodes).Must(c => c.Count <= MaxAcceptedCurrencies)
            .WithMessage($"At most {MaxAcceptedCurrencies} accepted currencies.");
        RuleForEach(p => p.AcceptedCurrencyCodes).Must(Currencies.IsSupported)
            .WithMessage((_, code) => $"'{code}' is not a supported ISO 4217 currency code.");
        RuleFor(p => p.Weight).InclusiveBetween(0, 10_000);
        RuleFor(p => p.ApprovedChargeOrCaptureRateFee).InclusiveBetween(0m, 100m);
        RuleFor(p => p.ApprovedChargeOrCaptureFlatFee).InclusiveBetween(0m, 1_000_000m);
        RuleFor(p => p.OtherTransactionFlatFee).InclusiveBetween(0m, 1_000_000m);
    }
}
