namespace FlexPay.Core.Tests.FlexPayApi.Support;

/// <summary>
/// Bodies shaped as flexpay-api.md shows them on the wire: the 2019 recordings (§2.1.6, §2.2) and the
/// 2022–23 ones (§4.11). The client must read both.
/// </summary>
internal static class WireSamples
{
    /// <summary>§2.1.6, the 2019 sandbox soft decline, verbatim.</summary>
    public const string SoftDecline2019 = """
        {"transaction":{
          "response":{"avsCode":"S","avsMessage":"AVS not supported.","cvvCode":"M",
            "cvvMessage":"(No Match) – The CVD value provided does not match the CVD value associated with the card.",
            "errorCode":null,"errorDetail":""},
          "paymentMethod":{"paymentMethodId":"PLM5OKN6IJB7UHV2YGC3TFX4RD","creditCardNumber":"492020******9560",
            "expiryMonth":"09","expiryYear":"2020","cvv":"***","firstName":null,"lastName":null,
            "fullName":"Jane Sample","customerId":"9c0d3e52-7a41-4b8e-b0f6-2d5e8c1a9b37",
            "address1":"456 My Street","address2":"Apt 1","postalCode":"K1C2N6","city":"Ottawa","state":"ON",
            "country":"CA","email":null,"phoneNumber":null,"paymentMethodType":"CreditCard",
            "fingerprint":"PLM5OKN6IJB7UHV2YGC3TFX4RD","lastFourDigits":"9560","firstSixDigits":"492020",
            "cardType":"VISA","dateCreated":"2019-09-03T17:57:53.155Z","storageState":"Cached"},
          "transactionId":"ZAQ2WSX3EDC4RFV5TGB6YHN7UJ","transactionDate":"2019-09-03T17:57:53.155Z",
          "transactionStatus":2,"message":"Declined - do not honor.","responseCode":"20003",
          "transactionType":"Charge","merchantTransactionId":"4f1e0c2b9a8d7e6f5a4b3c2d1e0f9a8b",
          "customerId":"9c0d3e52-7a41-4b8e-b0f6-2d5e8c1a9b37","currencyCode":"USD","amount":2008,
          "gatewayToken":"QW3RTY7UIOP2ASDFGHJKLZXCVB","gatewayType":"nmi",
          "gatewayTransactionId":"1b7e4d20-55c3-4f9a-8e21-6c0a3f9d2e14","merchantAccountReferenceId":"Sandbox123",
          "assignedGatewayToken":"QW3RTY7UIOP2ASDFGHJKLZXCVB","orderId":"4f1e0c2b9a8d7e6f5a4b3c2d1e0f9a8b",
          "retryDate":"2019-09-04T00:00:00Z","retryCount":0,"dateFirstAttempt":"2019-09-03T17:57:53.139Z",
          "description":null,"customerIp":null,
          "shippingAddress":{"address1":null,"address2":null,"postalCode":null,"city":null,"state":null,"country":null},
          "referenceData":"CAABAHh3Fb2kQ9cIA1x7Qm9rZXJlZkRhdGFFeGFtcGxlQmxvYlRoaXMzMjE=",
          "disableCustomerRecovery":false,
          "customVariable1":null,"customVariable2":null,"customVariable3":null,"customVariable4":null,"customVariable5":null}}
        """;

    /// <summary>The approved variant §2.1.6 describes.</summary>
    public static string Approved2019 => SoftDecline2019
        .Replace("\"transactionStatus\":2", "\"transactionStatus\":1", StringComparison.Ordinal)
        .Replace("\"message\":\"Declined - do not honor.\"", "\"message\":\"Approved.\"", StringComparison.Ordinal)
        .Replace("\"responseCode\":\"20003\"", "\"responseCode\":\"10000\"", StringComparison.Ordinal)
        .Replace("\"retryDate\":\"2019-09-04T00:00:00Z\"", "\"retryDate\":null", StringComparison.Ordinal)
        .Replace("\"storageState\":\"Cached\"", "\"storageState\":\"Stored\"", StringComparison.Ordinal);

    /// <summary>
    /// An approved Authorize as the 2022–23 sandbox answered it (§4.11.1–3): a retry date although approved,
    /// a fingerprint, no gateway-stored members on the raw card, and the later members.
    /// </summary>
    public const string ApprovedAuthorize2023 = """
        {"transaction":{
          "response":{"avsCode":"S","avsMessage":"AVS not supported.","cvvCode":"M","cvvMessage":"Approved",
            "errorCode":null,"errorDetail":""},
          "paymentMethod":{"paymentMethodId":"PLM5OKN6IJB7UHV2YGC3TFX4RD","creditCardNumber":"492020******9560",
            "expiryMonth":"07","expiryYear":"2024","cvv":"***","firstName":"John","lastName":"Doe",
            "fullName":"John Doe","customerId":"cust-8841",
            "address1":"123 A St","address2":null,"postalCode":"84062","city":"Townsville","state":"UT",
            "country":"US","email":"johndoe@example.com","phoneNumber":null,"paymentMethodType":"CreditCard",
            "fingerprint":"PLM5OKN6IJB7UHV2YGC3TFX4RD","lastFourDigits":"9560","firstSixDigits":"492020",
            "cardType":"VISA","dateCreated":"2023-03-01T14:02:11.4170000Z","storageState":"Cached"},
          "transactionId":"07731ABCD90000F2003FKLMN7QR5X","transactionDate":"2023-03-01T14:02:11.417Z",
          "transactionStatus":1,"message":"Approved.","responseCode":"10000",
          "transactionType":"Authorize","merchantTransactionId":"mt-2023-0301-1",
          "customerId":"cust-8841","currencyCode":"USD","amount":1000,
          "gatewayToken":"QW3RTY7UIOP2ASDFGHJKLZXCVB","gatewayType":"flexpay_sandbox",
          "gatewayTransactionId":"1b7e4d20-55c3-4f9a-8e21-6c0a3f9d2e14","merchantAccountReferenceId":"Sandbox123",
          "assignedGatewayToken":"QW3RTY7UIOP2ASDFGHJKLZXCVB","orderId":"INV-100045",
          "retryDate":"2023-03-02T00:00:00Z","retryCount":0,"dateFirstAttempt":"2023-03-01T14:02:11.401Z",
          "description":null,"customerIp":"196.168.1.123",
          "shippingAddress":{"address1":null,"address2":null,"postalCode":null,"city":null,"state":null,"country":null},
          "referenceData":"AAABAHh3Fb2kQ9cIAAAAAAAAAAAAAAAAAAAAAAAAAAAxMjM0NTY3ODkwMTIzNDU2",
          "disableCustomerRecovery":false,
          "customVariable1":null,"customVariable2":null,"customVariable3":null,"customVariable4":null,"customVariable5":null,
          "paymentModel":"subscription","engagedRecoveryState":0,"productSku":null,"subscriptionId":null}}
        """;

    /// <summary>The approved Charge of the same recordings: no retry date and no fingerprint (§4.11.1–2).</summary>
    public static string ApprovedCharge2023 => ApprovedAuthorize2023
        .Replace("\"transactionType\":\"Authorize\"", "\"transactionType\":\"Charge\"", StringComparison.Ordinal)
        .Replace("\"retryDate\":\"2023-03-02T00:00:00Z\"", "\"retryDate\":null", StringComparison.Ordinal)
        .Replace("\"fingerprint\":\"PLM5OKN6IJB7UHV2YGC3TFX4RD\"", "\"fingerprint\":null", StringComparison.Ordinal);

    /// <summary>A gateway-stored card charged without digits (§4.11.2–4): its gateway members, digits as empty strings.</summary>
    public static string GatewayStoredCharge2023 => ApprovedCharge2023
        .Replace("\"creditCardNumber\":\"492020******9560\"", "\"creditCardNumber\":\"******\"", StringComparison.Ordinal)
        .Replace("\"cvv\":\"***\"", "\"cvv\":\"\"", StringComparison.Ordinal)
        .Replace("\"paymentMethodType\":\"CreditCard\"", "\"paymentMethodType\":\"GatewayPaymentMethodId\"", StringComparison.Ordinal)
        .Replace("\"lastFourDigits\":\"9560\",\"firstSixDigits\":\"492020\"", "\"lastFourDigits\":\"\",\"firstSixDigits\":\"\"", StringComparison.Ordinal)
        .Replace("\"cardType\":\"VISA\"", "\"cardType\":null", StringComparison.Ordinal)
        .Replace("\"storageState\":\"Cached\"}", "\"storageState\":\"Cached\",\"gatewayPaymentMethodId\":\"cus_12345\",\"merchantAccountReferenceId\":\"MID-1\"}", StringComparison.Ordinal);

    /// <summary>
    /// A refund over the remaining amount in the later shape (§4.11.5–6): no paymentModel, customerIp null,
    /// the decline text in cvvMessage while cvvCode stays "M".
    /// </summary>
    public static string RefundOverRemaining2023 => ApprovedCharge2023
        .Replace("\"cvvMessage\":\"Approved\"", "\"cvvMessage\":\"Declined - invalid amount.\"", StringComparison.Ordinal)
        .Replace("\"transactionStatus\":1,\"message\":\"Approved.\",\"responseCode\":\"10000\"",
            "\"transactionStatus\":2,\"message\":\"Declined - invalid amount.\",\"responseCode\":\"30015\"", StringComparison.Ordinal)
        .Replace("\"transactionType\":\"Charge\"", "\"transactionType\":\"Refund\"", StringComparison.Ordinal)
        .Replace("\"customerIp\":\"196.168.1.123\"", "\"customerIp\":null", StringComparison.Ordinal)
        .Replace("\"paymentModel\":\"subscription\",", "", StringComparison.Ordinal);

    /// <summary>"Original transaction not found" as §2.2 describes it for 2019: placeholders and empty strings.</summary>
    public const string OriginalNotFound2019 = """
        {"transaction":{
          "response":{"avsCode":null,"avsMessage":null,"cvvCode":null,"cvvMessage":null,"errorCode":null,"errorDetail":null},
          "paymentMethod":{"paymentMethodId":"","creditCardNumber":"","expiryMonth":"","expiryYear":"","cvv":"",
            "firstName":null,"lastName":null,"fullName":null,"customerId":null,"address1":null,"address2":null,
            "postalCode":null,"city":null,"state":null,"country":null,"email":null,"phoneNumber":null,
            "paymentMethodType":"","fingerprint":"","lastFourDigits":"","firstSixDigits":"","cardType":"",
            "dateCreated":"","storageState":""},
          "transactionId":"MNB4VCX7ZLKJHGF2DSAPOIUYTR","transactionDate":"2019-09-03T18:21:36.82Z",
          "transactionStatus":2,"message":"Original transaction not found using the field TransactionReferenceId.",
          "responseCode":"50131","transactionType":"Refund","merchantTransactionId":"rf-1",
          "customerId":null,"currencyCode":null,"amount":500,
          "gatewayToken":"AAAAAAAAAAAAAAAAAAAAAAAAAA","gatewayType":"flexpay_declined",
          "gatewayTransactionId":null,"merchantAccountReferenceId":null,
          "assignedGatewayToken":"AAAAAAAAAAAAAAAAAAAAAAAAAA","orderId":null,
          "retryDate":null,"retryCount":0,"dateFirstAttempt":"2019-09-03T18:21:36.82Z",
          "description":null,"customerIp":null,
          "shippingAddress":{"address1":null,"address2":null,"postalCode":null,"city":null,"state":null,"country":null},
          "referenceData":null,"disableCustomerRecovery":false,
          "customVariable1":null,"customVariable2":null,"customVariable3":null,"customVariable4":null,"customVariable5":null}}
        """;

    /// <summary>"Original transaction not found" in the 2022–23 shape (§4.11.7), member by member.</summary>
    public const string OriginalNotFound2023 = """
        {"transaction":{
          "response":{"avsCode":null,"avsMessage":null,"cvvCode":null,"cvvMessage":null,"errorCode":null,"errorDetail":null},
          "paymentMethod":{"paymentMethodId":"","creditCardNumber":null,"expiryMonth":null,"expiryYear":null,"cvv":null,
            "firstName":null,"lastName":null,"fullName":null,"customerId":"5d1c2a7e-0b3f-4c8d-9e6a-2f4b8c0d1e3a",
            "address1":null,"address2":null,"postalCode":null,"city":null,"state":null,"country":null,"email":null,
            "phoneNumber":null,"paymentMethodType":"CreditCard","fingerprint":null,"lastFourDigits":"","firstSixDigits":"",
            "cardType":null,"dateCreated":"2023-03-01T14:05:00.1234567Z","storageState":"Cached"},
          "transactionId":"07731ABCD90000F2003FKLMN7QR6Y","transactionDate":"2023-03-01T14:05:00.1234567Z",
          "transactionStatus":2,"message":"Original transaction not found using the field TransactionReferenceId.",
          "responseCode":"50131","transactionType":"Capture","merchantTransactionId":"cap-7781",
          "customerId":"5d1c2a7e-0b3f-4c8d-9e6a-2f4b8c0d1e3a","currencyCode":"USD","amount":1000,
          "gatewayToken":"","gatewayType":"","gatewayTransactionId":null,"merchantAccountReferenceId":null,
          "assignedGatewayToken":"","orderId":"","retryDate":null,"retryCount":0,
          "dateFirstAttempt":"2023-03-01T14:05:00.1234567Z","description":null,"customerIp":null,
          "shippingAddress":{"address1":null,"address2":null,"postalCode":null,"city":null,"state":null,"country":null},
          "referenceData":"CAABAHh3Fb2kQ9cIA1x7Qm9rZXJlZkRhdGFFeGFtcGxlQmxvYlRoaXMzMjE=","disableCustomerRecovery":false,
          "customVariable1":null,"customVariable2":null,"customVariable3":null,"customVariable4":null,"customVariable5":null,
          "engagedRecoveryState":0,"productSku":null,"subscriptionId":null}}
        """;

    /// <summary>A vault answer of the 2022–23 recordings (§4.11.9): exactly eight members under <c>transaction</c>.</summary>
    public const string VaultCreated2023 = """
        {"transaction":{
          "paymentMethod":{"paymentMethodId":"PLM5OKN6IJB7UHV2YGC3TFX4RD","creditCardNumber":"492020******9560",
            "expiryMonth":"07","expiryYear":"2024","cvv":"***","firstName":"John","lastName":"Doe",
            "fullName":"John Doe","customerId":"cust-1","address1":"123 A St","address2":null,"postalCode":"84062",
            "city":"Townsville","state":"UT","country":"US","email":"johndoe@example.com","phoneNumber":null,
            "paymentMethodType":"CreditCard","fingerprint":"PLM5OKN6IJB7UHV2YGC3TFX4RD","lastFourDigits":"9560",
            "firstSixDigits":"492020","cardType":"VISA","dateCreated":"2023-03-01T14:00:00Z","storageState":"Stored"},
          "customerId":"cust-1","responseCode":"10000","message":"Approved.",
          "transactionDate":"2023-03-01T14:00:00Z","transactionId":"07731ABCD90000F2003FKLMN7QR7Z",
          "transactionStatus":1,"transactionType":"CreatePaymentMethod"}}
        """;

    /// <summary>§2.7, the documented simplified list item.</summary>
    public const string SimplifiedList = """
        {"transactions":[{
          "transactionId":"07731ABCD90000F2003FKLMN7QR5X","transactionDate":"2023-11-30T22:01:00.01Z",
          "transactionStatus":2,"message":"The card has been declined due to insufficient funds.",
          "transactionType":"Charge","retryDate":"2023-12-01T21:00:00Z","amount":75,
          "initialMerchantTransactionId":"11/07/2023 14:44:45","paymentMethodStorageState":"Stored",
          "completionStatus":null}]}
        """;

    /// <summary>A transaction body with only the members classification reads.</summary>
    public static string Transaction(string responseCode, string? retryDate = null, int status = 2, string transactionId = "TX1") =>
        $$$"""
        {"transaction":{"transactionId":"{{{transactionId}}}","transactionStatus":{{{status}}},"responseCode":"{{{responseCode}}}",
          "message":"m","transactionType":"Charge","merchantTransactionId":"m-1","amount":2008,"currencyCode":"USD",
          "retryDate":{{{(retryDate is null ? "null" : $"\"{retryDate}\"")}}},"retryCount":1,"referenceData":"REF"}}
        """;

    public const string Gateway = """
        {"gateway":{"id":"GW7TOKEN2ABCDEFGHIJKLMNOPQ","name":"Main MID","merchantAccountReferenceId":"MID-1",
          "gatewayType":"flexpay_sandbox","currencyCode":"USD","status":"Available","acceptedCurrencyCodes":["USD","EUR"],
          "acceptedCards":{"visa":{"acceptCreditCard":true}},"weight":2,"acceptRetries":true,"cvvRequired":false,
          "approvedChargeOrCaptureRateFee":2.9,"approvedChargeOrCaptureFlatFee":"0.30","otherTransactionFlatFee":0.1,
          "settingKeys":["username","password"]}}
        """;
}
