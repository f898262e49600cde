namespace FlexPay.Admin.Api.Recoveries;

/// <summary>A refund asked for by the billing system; <see cref="Amount"/> in minor units, all that remains when absent.</summary>
public sealed record RefundInput(long? Amount, string? Reason);
