namespace FlexPay.Sandbox.Transactions;

/// <summary>The codes the emulator produces (flexpay-api.md §3) and their messages.</summary>
internal static class ResponseCodes
{
    public const string Approved = "10000";
    public const string InvalidAmount = "30015";
    public const string InvalidParameters = "30016";
    public const string RetryLimitReached = "30100";
    public const string Duplicate = "50129";
    public const string OriginalNotFound = "50131";
    public const string InvalidReferenceData = "50132";
    public const string UnknownGateway = "50143";
    public const string CurrencyNotAccepted = "50147";
    public const string InvalidAccountState = "50156";

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["10000"] = "Approved.",
        ["20000"] = "Declined - refer to card issuer.",
        ["20003"] = "Declined - do not honor.",
        ["20023"] = "The card has been declined due to insufficient funds.",
        ["30011"] = "Declined - invalid transaction.",
        ["30013"] = "Declined - reversal failed.",
        ["30015"] = "Declined - invalid amount.",
        ["30016"] = "Error / Invalid parameters in the request.",
        ["30049"] = "Declined - CVV failure.",
        ["30066"] = "Declined - the transaction was already reversed.",
        ["30079"] = "Declined - the authorization was already captured.",
        ["30080"] = "Declined - refer to card issuer (NO RETRY).",
        ["30082"] = "Declined - do not honor (NO RETRY).",
        ["30087"] = "Declined - insufficient funds (NO RETRY).",
        ["30100"] = "Declined - retry limit reached.",
        ["40000"] = "Declined - blocked by the risk model.",
        ["40003"] = "Declined - CVV is incorrect.",
        ["40006"] = "Declined - AVS/CVV not matched.",
        ["50000"] = "Validation error.",
        ["50014"] = "The customerId is too long.",
        ["50015"] = "The email is too long.",
        ["50037"] = "The customerIp is too long.",
        ["50045"] = "The currencyCode is required.",
        ["50048"] = "Either customerId or paymentMethod.email is required.",
        ["50055"] = "The expiryMonth is required.",
        ["50056"] = "The expiryMonth is invalid.",
        ["50057"] = "The expiryYear is required.",
        ["50058"] = "The expiryYear is invalid.",
        ["50059"] = "The creditCardNumber is required.",
        ["50060"] = "The creditCardNumber has an invalid length.",
        ["50073"] = "The currencyCode must be 3 letters.",
        ["50090"] = "Either fullName or firstName and lastName are required.",
        ["50103"] = "The merchantTransactionId is required.",
        ["50104"] = "The merchantTransactionId is too long.",
        ["50111"] = "The referenceData is too long.",
        ["50124"] = "The description is too long.",
        ["50126"] = "The orderId is required.",
        ["50127"] = "The orderId is too long.",
        ["50128"] = "The gatewayToken is too long.",
        ["50129"] = "The merchantTransactionId is not unique.",
        ["50131"] = "Original transaction not found using the field TransactionReferenceId.",
        ["50132"] = "The referenceData is invalid.",
        ["50134"] = "The paymentMethodId is invalid.",
        ["50135"] = "Either paymentMethodId or paymentMethod is required.",
        ["50136"] = "The payment method is invalid.",
        ["50137"] = "The amount is invalid.",
        ["50139"] = "The gatewayPaymentMethodId is too long.",
        ["50143"] = "The gatewayToken does not name a gateway of this company.",
        ["50147"] = "The currency is not accepted by the gateway.",
        ["50155"] = "The paymentModel is invalid.",
        ["50156"] = "Invalid account state: the gateway does not accept this transaction type.",
    };

    public static string MessageOf(string code) => Messages.GetValueOrDefault(code, "Declined.");

    public static bool IsApproved(string code) => code == Approved;

    public static bool IsSoft(string code) => code.StartsWith('2');

    /// <summary>The "NO RETRY" mirror returned instead of a soft decline when recovery is disabled.</summary>
    public static string NoRetryMirror(string softCode) => softCode switch
    {
        "20000" => "30080",
        "20003" => "30082",
        "20023" => "30087",
        _ => "30091",
    };
}
