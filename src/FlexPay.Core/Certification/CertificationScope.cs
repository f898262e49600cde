namespace FlexPay.Core.Certification;

/// <summary>
/// The certification run this DI scope works for, if any (a run's background job enters it first). Within it, what the
/// intake and the gateway service create is tagged with the run (<see cref="CertificationTag"/>) and the audit names the
/// person who started the run instead of <c>system</c>. Scoped: every other scope (a page, an API call, a retry job) has none.
/// </summary>
public sealed class CertificationScope
{
    public Guid? RunId { get; private set; }

    /// <summary>How the audit names whoever acts in this scope, e.g. <c>admin@example.com (certification run 1A2B3C4D)</c>.</summary>
    public string? ActorName { get; private set; }

    internal void Enter(CertificationRun run)
    {
        RunId = run.Id;
        ActorName = $"{run.StartedBy} (certification run {run.Mark})";
    }
}
