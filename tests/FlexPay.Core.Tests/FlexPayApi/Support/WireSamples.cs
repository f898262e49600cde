namespace FlexPay.Core.Tests.FlexPayApi.Support;

/// <summary>Bodies shaped exactly as flexpay-api.md shows them on the wire.</summary>
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
