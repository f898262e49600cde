namespace FlexPay.Core.FlexPayApi;

/// <summary>The result of a non-transaction call: a value when <see cref="IsOk"/>, otherwise why not.</summary>
public sealed record FlexPayResponse<T>
{
    public required FlexPayOutcome Outcome { get; init; }

    public T? Value { get; init; }

    /// <summary>Null when no HTTP response arrived.</summary>
    public int? HttpStatus { get; init; }

    public string? ErrorMessage { get; init; }

    public bool IsOk => Outcome == FlexPayOutcome.Ok;
}
