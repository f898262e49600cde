namespace FlexPay.Sandbox.Transactions;

/// <summary>
/// The sandbox gateway's behaviour (flexpay-api.md §4.2–§4.6): which PANs are test cards, and which
/// CVV, amount and address values trigger which outcome.
/// </summary>
internal static class SandboxScenarios
{
    /// <summary>Matched on PAN only; expiry and CVV need not match the table (§4.2).</summary>
    private static readonly Dictionary<string, string> TestCards = new(StringComparer.Ordinal)
    {
        ["4920201996449560"] = "VISA",
        ["5244209084665514"] = "MASTERCARD",
        ["341674949684898"] = "AMERICAN EXPRESS",
        ["30349475125576"] = "DINERS CLUB",
        ["3530111333300000"] = "JCB",
        ["6011885753412897"] = "DISCOVER",
    };

    private static readonly Dictionary<string, (string Code, string Message)> Avs = new(StringComparer.Ordinal)
    {
        ["Street_A"] = ("A", "Street address matches, but ZIP code does not."),
        ["Street_E"] = ("E", "AVS data is invalid or AVS is not allowed for this card type."),
        ["Street_N"] = ("N", "Street address and ZIP code do not match."),
        ["Street_S"] = ("S", "AVS not supported."),
        ["Street_X"] = ("X", "Street address and 9-digit ZIP code match."),
        ["Street_Y"] = ("Y", "Street address and 5-digit ZIP code match."),
    };

    private static readonly Dictionary<string, (string CvvCode, string CvvMessage, string Code)> Cvv = new(StringComparer.Ordinal)
    {
        ["201"] = ("U", "(Issuer not certified) – The issuer is not certified for CVV processing.", "30049"),
        ["202"] = ("N", "(No Match) – The CVD value provided does not match the CVD value associated with the card.", "40006"),
        ["203"] = ("M", "Approved", ResponseCodes.Approved),
        ["204"] = ("Q", "(No Result) – The CVV could not be verified.", "30049"),
        ["205"] = ("P", "(Not Processed) – The CVV was not processed.", "30049"),
        ["206"] = ("S", "(Should be present) – The CVV should be on the card but was reported absent.", "40003"),
    };

    private static readonly Dictionary<long, string> Amounts = new()
    {
        [2005] = "20000",
        [2008] = "20003",
        [2012] = "20023",
        [3016] = "30011",
        [4018] = "40000",
        [5023] = "50000",
    };

    public static bool IsTestCard(string pan) => TestCards.ContainsKey(pan);

    /// <summary>Brand of a test card, else guessed from the leading digits.</summary>
    public static string? CardType(string? digits)
    {
        if (string.IsNullOrEmpty(digits))
        {
            return null;
        }
        if (TestCards.TryGetValue(digits, out var brand))
        {
            return brand;
        }
        return digits switch
        {
            ['4', ..] => "VISA",
            ['5', ..] or ['2', ..] => "MASTERCARD",
            ['3', '4' or '7', ..] => "AMERICAN EXPRESS",
            ['3', '0' or '6' or '8', ..] => "DINERS CLUB",
            ['3', '5', ..] => "JCB",
            ['6', ..] => "DISCOVER",
            _ => null,
        };
    }

    /// <summary>Any other address gives <c>S</c>, as the sandbox answered on the wire (§4.4).</summary>
    public static GatewayVerification Verify(string? address1, string? cvv)
    {
        var (avsCode, avsMessage) = Avs.GetValueOrDefault(address1 ?? "", ("S", "AVS not supported."));
        var (cvvCode, cvvMessage, _) = Cvv.GetValueOrDefault(cvv ?? "", ("M", "Approved", ResponseCodes.Approved));
        return new GatewayVerification(avsCode, avsMessage, cvvCode, cvvMessage, null, "");
    }

    /// <summary>
    /// Emulator-only (not in FlexPay's sandbox): amount 2400 + n soft-declines (20003) until the
    /// attempt's retryCount reaches n, then approves, so one chain can show a decline and a recovery.
    /// </summary>
    public const long RecoversOnRetryBase = 2400;

    /// <summary>§4.9 steps 6 to 9 for a card payment; null means approve.</summary>
    public static string? Decline(string? pan, string? cvv, long amount, long retryCount, bool disableCustomerRecovery)
    {
        if (pan is not null && !IsTestCard(pan))
        {
            return ResponseCodes.InvalidParameters;
        }
        if (cvv is not null && Cvv.TryGetValue(cvv, out var byCvv) && byCvv.Code != ResponseCodes.Approved)
        {
            return byCvv.Code;
        }
        // §4.6: 6020 approves when recovery is disabled, else soft-declines; 7028 soft-declines (→ 30080 when disabled).
        switch (amount)
        {
            case 6020:
                return disableCustomerRecovery ? null : "20000";
            case 7028:
                return "20000";
            case > RecoversOnRetryBase and <= RecoversOnRetryBase + 9:
                return retryCount < amount - RecoversOnRetryBase ? "20003" : null;
        }
        return AmountTrigger(amount);
    }

    /// <summary>§4.3, which also applies to capture amounts.</summary>
    public static string? AmountTrigger(long amount) => Amounts.GetValueOrDefault(amount);
}

/// <summary>The <c>response</c> member of a transaction.</summary>
internal sealed record GatewayVerification(
    string? AvsCode,
    string? AvsMessage,
    string? CvvCode,
    string? CvvMessage,
    string? ErrorCode,
    string? ErrorDetail)
{
    /// <summary>FlexPay rejected the request before any gateway saw it.</summary>
    public static readonly GatewayVerification None = new(null, null, null, null, null, null);
}
