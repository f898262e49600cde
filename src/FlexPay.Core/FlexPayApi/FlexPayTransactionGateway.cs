namespace FlexPay.Core.FlexPayApi;

/// <summary>The <c>gateway</c> member of a full list item.</summary>
public sealed record FlexPayTransactionGateway
{
    public string? Token { get; init; }

    public string? GatewayType { get; init; }

    public string? Name { get; init; }

    public string? ReferenceId { get; init; }
}
