namespace FlexPay.Bench;

/// <summary>Not top-level statements: a global Program would collide with the console's, which this hosts.</summary>
internal static class BenchProgram
{
    public static Task<int> Main(string[] args) => BenchCommand.RunAsync(args);
}
