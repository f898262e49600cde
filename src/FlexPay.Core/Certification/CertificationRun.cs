namespace FlexPay.Core.Certification;

public enum RunStatus
{
    Queued,
    Running,
    Passed,
    Failed,
    Interrupted,
}

public enum StepStatus
{
    Pending,
    Running,
    Passed,
    Failed,
}

/// <summary>
/// One run of FlexPay's seven integration scenarios (the guide's Steps 1 to 7), kept so that its
/// Appendix A can be opened and exported again later.
/// </summary>
public sealed class CertificationRun
{
    private readonly List<CertificationStep> _steps = [];

    private CertificationRun()
    {
        Company = StartedBy = null!;
    }

    public CertificationRun(string company, string startedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Company = company;
        StartedBy = startedBy;
        CreatedAt = now;
        Status = RunStatus.Queued;
        _steps.AddRange(CertificationScenarios.All.Select(s => new CertificationStep(s.Number, s.Title)));
    }

    public Guid Id { get; private set; }

    public string Company { get; private set; }

    public string StartedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public RunStatus Status { get; private set; }

    public IReadOnlyList<CertificationStep> Steps => _steps;

    public int CompletedSteps => _steps.Count(s => s.Status is StepStatus.Passed or StepStatus.Failed);

    /// <summary>A short mark that names the run in its gateways (names cannot be reused at FlexPay) and in the audit.</summary>
    public string Mark => MarkOf(Id);

    public static string MarkOf(Guid runId) => runId.ToString("N")[^8..].ToUpperInvariant();

    public void Start() => Status = RunStatus.Running;

    public CertificationStep Step(int number) => _steps.Single(s => s.Number == number);

    public void Finish(DateTimeOffset now)
    {
        Status = _steps.All(s => s.Status == StepStatus.Passed) ? RunStatus.Passed : RunStatus.Failed;
        FinishedAt = now;
    }

    /// <summary>The process stopped mid-run; the steps already finished keep their results.</summary>
    public void Interrupt(DateTimeOffset now)
    {
        FailUnfinished("The console stopped before this step finished; start a new run.");
        Status = RunStatus.Interrupted;
        FinishedAt = now;
    }

    /// <summary>The run could not start its scenarios at all.</summary>
    public void Abandon(string reason, DateTimeOffset now)
    {
        FailUnfinished(reason);
        Status = RunStatus.Failed;
        FinishedAt = now;
    }

    private void FailUnfinished(string reason)
    {
        foreach (var step in _steps.Where(s => s.Status is StepStatus.Pending or StepStatus.Running))
        {
            step.Fail(reason);
        }
    }
}

/// <summary>A scenario's outcome and the FlexPay tokens FlexPay's integrations team will review.</summary>
public sealed class CertificationStep
{
    private readonly List<CertificationToken> _tokens = [];

    private CertificationStep()
    {
        Title = null!;
    }

    internal CertificationStep(int number, string title)
    {
        Number = number;
        Title = title;
        Status = StepStatus.Pending;
    }

    public int Number { get; private set; }

    public string Title { get; private set; }

    public StepStatus Status { get; private set; }

    /// <summary>Why it failed, or what was checked when it passed.</summary>
    public string? Detail { get; private set; }

    public IReadOnlyList<CertificationToken> Tokens => _tokens;

    public void Begin() => Status = StepStatus.Running;

    public void Record(CertificationToken token) => _tokens.Add(token);

    public void Pass(string detail)
    {
        Status = StepStatus.Passed;
        Detail = detail;
    }

    public void Fail(string reason)
    {
        Status = StepStatus.Failed;
        Detail = reason;
    }
}

/// <summary>One request of a scenario: what it was, and the ids FlexPay and we gave it.</summary>
public sealed record CertificationToken(
    string Label,
    string? MerchantTransactionId,
    string? TransactionId,
    string? GatewayToken,
    string? ResponseCode,
    int? RetryCount,
    string? Currency);
