namespace FlexPay.Core.Audit;

public enum AuditOutcome
{
    Succeeded,
    Refused,
    Failed,
}

/// <summary>Who did what to which thing, when, and how it ended. Never a secret: keys and credentials are named, not written.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Actor = Action = Target = null!;
    }

    public AuditEntry(DateTimeOffset at, string actor, string action, string target, AuditOutcome outcome, string? detail)
    {
        Id = Guid.CreateVersion7();
        At = at;
        Actor = Truncate(actor, 256);
        Action = Truncate(action, 64);
        Target = Truncate(target, 256);
        Outcome = outcome;
        Detail = detail is null ? null : Truncate(detail, 1000);
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; }

    /// <summary>A stable name such as <c>refund</c>, <c>gateway.disable</c> or <c>sign-in</c>.</summary>
    public string Action { get; private set; }

    public string Target { get; private set; }

    public AuditOutcome Outcome { get; private set; }

    public string? Detail { get; private set; }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
