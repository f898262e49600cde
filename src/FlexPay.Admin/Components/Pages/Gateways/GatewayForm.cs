using System.Globalization;
using FlexPay.Core.Gateways;

namespace FlexPay.Admin.Components.Pages.Gateways;

/// <summary>The gateway dialog's model: what staff type, turned into a <see cref="GatewayDraft"/> on save.</summary>
public sealed class GatewayForm
{
    /// <summary>True for a new gateway; an edit leaves credentials alone unless <see cref="ReplaceCredentials"/>.</summary>
    public bool Creating { get; init; } = true;

    public string? Name { get; set; }

    public string? Company { get; set; }

    public string? GatewayType { get; set; }

    public string? MerchantAccountReferenceId { get; set; }

    public string? CurrencyCode { get; set; }

    /// <summary>Comma- or space-separated ISO codes; empty accepts every currency.</summary>
    public string? AcceptedCurrencyCodes { get; set; }

    public int Weight { get; set; } = 1;

    public bool AcceptRetries { get; set; } = true;

    public bool CvvRequired { get; set; }

    public bool EnableNow { get; set; }

    public bool ReplaceCredentials { get; set; }

    public List<CredentialEntry> Credentials { get; } = [];

    public bool SendsCredentials => Creating || ReplaceCredentials;

    /// <summary>Sets the credential rows to what <paramref name="gatewayType"/> asks for, keeping values already typed.</summary>
    public void ShapeCredentialsFor(string? gatewayType)
    {
        var names = GatewayCredentialFields.For(gatewayType);
        if (names.Count == 0)
        {
            var freeForm = Credentials.Where(c => !c.Fixed).ToList();
            Credentials.Clear();
            Credentials.AddRange(freeForm.Count > 0 ? freeForm : [new CredentialEntry()]);
            return;
        }
        var typed = Credentials.Where(c => c.Name is not null).ToDictionary(c => c.Name!, c => c.Value, StringComparer.Ordinal);
        Credentials.Clear();
        Credentials.AddRange(names.Select(n => new CredentialEntry { Name = n, Value = typed.GetValueOrDefault(n), Fixed = true }));
    }

    public static GatewayForm From(Gateway gateway) => new()
    {
        Creating = false,
        Name = gateway.Name,
        Company = gateway.Company,
        GatewayType = gateway.GatewayType,
        MerchantAccountReferenceId = gateway.MerchantAccountReferenceId,
        CurrencyCode = gateway.CurrencyCode,
        AcceptedCurrencyCodes = string.Join(", ", gateway.AcceptedCurrencyCodes),
        Weight = gateway.Weight,
        AcceptRetries = gateway.AcceptRetries,
        CvvRequired = gateway.CvvRequired,
    };

    public IReadOnlyList<string> AcceptedCurrencyList() =>
        [.. (AcceptedCurrencyCodes ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant())];

    public GatewayDraft ToDraft() => new()
    {
        Name = Name?.Trim(),
        Company = Company,
        GatewayType = GatewayType,
        MerchantAccountReferenceId = string.IsNullOrWhiteSpace(MerchantAccountReferenceId) ? null : MerchantAccountReferenceId.Trim(),
        CurrencyCode = CurrencyCode?.Trim().ToUpper(CultureInfo.InvariantCulture),
        AcceptedCurrencyCodes = AcceptedCurrencyList(),
        Weight = Weight,
        AcceptRetries = AcceptRetries,
        CvvRequired = CvvRequired,
        Enabled = Creating ? EnableNow : null,
        Credentials = SendsCredentials
            ? Credentials.Where(c => !string.IsNullOrWhiteSpace(c.Name)).ToDictionary(c => c.Name!.Trim(), c => c.Value ?? "", StringComparer.Ordinal)
            : null,
    };
}

/// <summary>One credential: its name (fixed by the gateway type, or typed) and its write-only value.</summary>
public sealed class CredentialEntry
{
    public string? Name { get; set; }

    public string? Value { get; set; }

    public bool Fixed { get; init; }
}
