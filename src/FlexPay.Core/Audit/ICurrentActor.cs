namespace FlexPay.Core.Audit;

/// <summary>Who is acting in this scope: a signed-in person, the billing system's API key, or the system itself.</summary>
public interface ICurrentActor
{
    ValueTask<string> GetNameAsync();
}

/// <summary>Background work with no person behind it.</summary>
public sealed class SystemActor : ICurrentActor
{
    public const string Name = "system";

    public ValueTask<string> GetNameAsync() => ValueTask.FromResult(Name);
}
