namespace FlexPay.Core.FlexPayApi;

public sealed record FlexPayShippingAddress
{
    public string? Address1 { get; init; }

    public string? Address2 { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? Country { get; init; }
}
