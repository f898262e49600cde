namespace FlexPay.Core.FlexPayApi.Json;

// FlexPay wraps every body in a single named member (flexpay-api.md §1).

internal sealed record TransactionEnvelope<T>(T? Transaction);

internal sealed record TransactionListEnvelope(IReadOnlyList<FlexPayTransactionSummary>? Transactions);

internal sealed record PaymentMethodEnvelope<T>(T? PaymentMethod);

internal sealed record GatewayEnvelope<T>(T? Gateway);

internal sealed record GatewayListEnvelope(IReadOnlyList<FlexPayGateway>? Gateways);

internal sealed record ErrorBody(string? Message);
