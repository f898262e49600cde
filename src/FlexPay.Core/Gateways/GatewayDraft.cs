using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FlexPay.Core.Gateways;

/// <summary>
/// A gateway as staff or the billing system want it: a name, a FlexPay account and the settings (the
/// <see cref="GatewayProfile"/> it is), plus, when given, credentials that replace every stored one. A change is
/// the gateway's own draft (<see cref="Of"/>) with what changes, so every draft is whole and checked whole.
/// </summary>
public sealed record GatewayDraft : GatewayProfile
{
    public GatewayDraft()
    {
    }

    private GatewayDraft(GatewayProfile profile)
        : base(profile)
    {
    }

    public string Name { get; init => field = value ?? ""; } = "";

    /// <summary>The FlexPay account; the default account when absent.</summary>
    public string? Company { get; init; }

    /// <summary>Connection credentials (write-only): never returned, never logged. Null keeps the stored ones.</summary>
    public IReadOnlyDictionary<string, string>? Credentials { get; init; }

    /// <summary>On creation only: enable at once (creates the gateway at FlexPay).</summary>
    public bool? Enabled { get; init; }

    /// <summary>The gateway as it stands (its credentials are write-only, so they stay as stored).</summary>
    public static GatewayDraft Of(Gateway gateway) => new(gateway.Profile) { Name = gateway.Name, Company = gateway.Company };

    /// <summary>
    /// This draft with the members of <paramref name="changes"/> (a JSON object as the REST API sends it, read with
    /// <paramref name="json"/>) put in place of its own; a null clears an optional setting. Throws a
    /// <see cref="JsonException"/> naming the member whose value has the wrong type.
    /// </summary>
    public GatewayDraft With(JsonObject changes, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var whole = new JsonSerializerOptions(json) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
        var merged = new JsonObject(new JsonNodeOptions { PropertyNameCaseInsensitive = json.PropertyNameCaseInsensitive });
        foreach (var (name, value) in JsonSerializer.SerializeToNode(this, whole)!.AsObject())
        {
            merged[name] = value?.DeepClone();
        }
        foreach (var (name, value) in changes)
        {
            merged[name] = value?.DeepClone();
        }
        return merged.Deserialize<GatewayDraft>(whole) ?? throw new JsonException("A gateway must be a JSON object.");
    }

    public override string ToString() =>
        $"{nameof(GatewayDraft)} {{ Name = {Name}, Company = {Company}, GatewayType = {GatewayType}, CurrencyCode = {CurrencyCode}, " +
        $"Credentials = {(Credentials is null ? "unchanged" : $"[{string.Join(", ", Credentials.Keys.Select(k => k + " = ****"))}]")} }}";
}
