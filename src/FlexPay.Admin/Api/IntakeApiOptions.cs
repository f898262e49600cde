namespace FlexPay.Admin.Api;

public sealed class IntakeApiOptions
{
    public const string SectionName = "Intake";

    /// <summary>Keys the billing system may present in <c>X-Api-Key</c>.</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>Largest request body accepted, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 32 * 1024;
}
