using System.Text.Json.Nodes;
using FlexPay.Sandbox.Infrastructure;
using FlexPay.Sandbox.Vault;

namespace FlexPay.Sandbox.Transactions;

/// <summary>The body of a charge or authorization (flexpay-api.md §2.1.1), read tolerantly.</summary>
internal sealed record ChargeRequest(
    string? MerchantTransactionId,
    string? OrderId,
    string? Description,
    string? CustomerId,
    string? CurrencyCode,
    long? Amount,
    bool RetainOnSuccess,
    CardInput? PaymentMethod,
    string? PaymentMethodId,
    string? CustomerIp,
    ShippingAddressDto ShippingAddress,
    string? GatewayToken,
    long RetryCount,
    DateTimeOffset? DateFirstAttempt,
    bool DisableCustomerRecovery,
    string? ReferenceData,
    IReadOnlyList<string?> CustomVariables,
    string? PaymentModel)
{
    private static readonly string[] PaymentModels = ["onetime", "subscription", "installment"];

    /// <summary>Throws <see cref="BadRequestException"/> (HTTP 400) for an ill-typed member.</summary>
    public static ChargeRequest Parse(JsonObject t)
    {
        var shipping = t.Obj("shippingAddress");
        // Read for their type only: the emulator does not act on them.
        _ = t.Obj("paymentPlan");
        _ = t.Obj("References");
        return new ChargeRequest(
            t.Str("merchantTransactionId"),
            t.Str("orderId"),
            t.Str("description"),
            t.Str("customerId"),
            t.Str("currencyCode")?.Trim(),
            t.Long("amount"),
            t.Bool("retainOnSuccess") ?? false,
            t.Obj("paymentMethod") is { } card ? CardInput.Parse(card) : null,
            t.Str("paymentMethodId"),
            t.Str("customerIp"),
            shipping is null
                ? ShippingAddressDto.Empty
                : new ShippingAddressDto(
                    shipping.Str("address1"),
                    shipping.Str("address2"),
                    shipping.Str("postalCode"),
                    shipping.Str("city"),
                    shipping.Str("state"),
                    shipping.Str("country")),
            t.Str("gatewayToken"),
            t.Long("retryCount") ?? 0,
            t.Date("dateFirstAttempt"),
            t.Bool("disableCustomerRecovery") ?? false,
            NullIfEmpty(t.Str("referenceData")),
            [.. Enumerable.Range(1, 5).Select(i => t.Str($"customVariable{i}"))],
            t.Str("paymentModel"));
    }

    /// <summary>§4.9 step 3: the first failing field's 5xxxx code, or null.</summary>
    public string? Invalid()
    {
        if (string.IsNullOrWhiteSpace(MerchantTransactionId))
        {
            return "50103";
        }
        if (MerchantTransactionId.Length > FieldLimits.MerchantTransactionId)
        {
            return "50104";
        }
        if (string.IsNullOrWhiteSpace(OrderId))
        {
            return "50126";
        }
        if (OrderId.Length > FieldLimits.OrderId)
        {
            return "50127";
        }
        if (string.IsNullOrWhiteSpace(CurrencyCode))
        {
            return "50045";
        }
        if (CurrencyCode.Length != 3 || !CurrencyCode.All(char.IsAsciiLetter))
        {
            return "50073";
        }
        if (Amount is null or <= 0)
        {
            return "50137";
        }
        if (PaymentMethodId is null && PaymentMethod is null)
        {
            return "50135";
        }
        if (PaymentMethodId is null && PaymentMethod!.Invalid() is { } cardCode)
        {
            return cardCode;
        }
        // With a vault token the email may come from the vault; that case is checked once it is resolved.
        if (PaymentMethodId is null && string.IsNullOrWhiteSpace(CustomerId) && string.IsNullOrWhiteSpace(PaymentMethod!.Email))
        {
            return "50048";
        }
        return InvalidLength();
    }

    private string? InvalidLength()
    {
        if (CustomerId?.Length > FieldLimits.CustomerId)
        {
            return "50014";
        }
        if (Description?.Length > FieldLimits.Description)
        {
            return "50124";
        }
        if (CustomerIp?.Length > FieldLimits.CustomerIp)
        {
            return "50037";
        }
        for (var i = 0; i < CustomVariables.Count; i++)
        {
            if (CustomVariables[i]?.Length > FieldLimits.CustomVariable)
            {
                return (50106 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        if (GatewayToken?.Length > FieldLimits.Token)
        {
            return "50128";
        }
        if (PaymentMethodId?.Length > FieldLimits.Token)
        {
            return "50134";
        }
        if (ReferenceData?.Length > Chains.ReferenceData.MaxLength)
        {
            return "50111";
        }
        if (PaymentModel is not null && !PaymentModels.Contains(PaymentModel, StringComparer.OrdinalIgnoreCase))
        {
            return "50155";
        }
        return RetryCount < 0 ? "50000" : null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
