using System.Globalization;
using FlexPay.Bench.Scenarios;

namespace FlexPay.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/FlexPay.Bench -- timing|burst|scale|webhooks [--option value ...]</c>.
/// Each prints its table and writes it, with the raw figures, to bench/results/.
/// </summary>
internal static class BenchCommand
{
    private const string Usage = """
        usage: dotnet run -c Release --project bench/FlexPay.Bench -- <scenario> [options]
          timing  [--count 2000] [--spread 60] [--provider postgres]   retries spread over N seconds; tuned vs Hangfire defaults
          burst   [--count 10000] [--workers 50]  all due at one instant, one run per send concurrency, each beside a bare client
                  [--provider postgres --nodes 1,2,3]     the same on PostgreSQL, one run per number of console nodes
          webhooks [--count 10000]                       the burst without, with, and again without a webhook endpoint for recovery.recovered
          scale   [--pending 100000] [--chains 100000,1000000]   --pending 0: the grid and database size only
          any     [--min-threads N]                      raise the thread pool's floor first (an experiment; it did not help)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 1 : 0;
        }
        var options = ParseOptions(args.Skip(1).ToArray());
        if (options.TryGetValue("min-threads", out var minThreads))
        {
            // An experiment only: does a larger thread pool floor help the synchronous SQLite calls?
            ThreadPool.SetMinThreads(int.Parse(minThreads, CultureInfo.InvariantCulture), int.Parse(minThreads, CultureInfo.InvariantCulture));
        }
        Console.WriteLine($"Machine: {Harness.Machine.Describe()}; load average {Harness.Machine.LoadAverage()}");
        switch (args[0])
        {
            case "timing":
                await TimingBenchmark.RunAsync(Int(options, "count", 2000), TimeSpan.FromSeconds(Int(options, "spread", 60)), OnPostgres(options));
                return 0;
            case "burst" when OnPostgres(options):
                await NodesBurstBenchmark.RunAsync(Int(options, "count", 10_000), Int(options, "workers", 50), Ints(options, "nodes", [1, 2, 3]));
                return 0;
            case "burst":
                await BurstBenchmark.RunAsync(Int(options, "count", 10_000), Ints(options, "workers", [50]));
                return 0;
            case "webhooks":
                await WebhookBenchmark.RunAsync(Int(options, "count", 10_000));
                return 0;
            case "scale":
                await ScaleBenchmark.RunAsync(Int(options, "pending", 100_000), Ints(options, "chains", [100_000, 1_000_000]));
                return 0;
            default:
                Console.Error.WriteLine(Usage);
                return 1;
        }
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }
        return options;
    }

    private static bool OnPostgres(Dictionary<string, string> options) => options.GetValueOrDefault("provider", "sqlite") == "postgres";

    private static int Int(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static int[] Ints(Dictionary<string, string> options, string name, int[] fallback) =>
        options.TryGetValue(name, out var text)
            ? [.. text.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture))]
            : fallback;
}
