using FlexPay.Core.Gateways;

namespace FlexPay.Admin.Components.Pages.Gateways;

/// <summary>
/// The gateway dialog's model: the <see cref="GatewayDraft"/> being edited (name, account and settings as typed),
/// and what only the dialog has: the accepted currencies as typed text and the credential rows.
/// </summary>
public sealed class GatewayForm
{
    /// <summary>True for a new gateway; an edit leaves credentials alone unless <see cref="ReplaceCredentials"/>.</summary>
    public bool Creating { get; init; } = true;

    public GatewayDraft Draft { get; set; } = new();

    /// <summary>Comma- or space-separated ISO codes; empty accepts every currency.</summary>
    public string? AcceptedCurrencyCodes { get; set; }

    public bool EnableNow { get; set; }

    public bool ReplaceCredentials { get; set; }

    public List<CredentialEntry> Credentials { get; } = [];

    public bool SendsCredentials => Creating || ReplaceCredentials;

    /// <summary>Applies one field's edit to <see cref="Draft"/>.</summary>
    public void Change(Func<GatewayDraft, GatewayDraft> edit) => Draft = edit(Draft);

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
        Draft = GatewayDraft.Of(gateway),
        AcceptedCurrencyCodes = string.Join(", ", gateway.Profile.AcceptedCurrencyCodes),
    };

    /// <summary>What saving sends: the draft, trimmed and upper-cased as typed, with the typed currencies and (when they are sent) the credentials.</summary>
    public GatewayDraft ToDraft() => Draft with
    {
        Name = Draft.Name.Trim(),
        MerchantAccountReferenceId = string.IsNullOrWhiteSpace(Draft.MerchantAccountReferenceId) ? null : Draft.MerchantAccountReferenceId.Trim(),
        CurrencyCode = Draft.CurrencyCode.Trim().ToUpperInvariant(),
        AcceptedCurrencyCodes = [.. (AcceptedCurrencyCodes ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant())],
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
