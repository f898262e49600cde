using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace FlexPay.Bench.Harness;

/// <summary>What the figures were measured on: the core count and the load the other builds put on it.</summary>
internal static class Machine
{
    public static int Cores => Environment.ProcessorCount;

    /// <summary>The 1, 5 and 15 minute load averages, as <c>uptime</c> prints them.</summary>
    public static string LoadAverage()
    {
        var fields = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ') : [];
        return fields.Length >= 3 ? $"{fields[0]}, {fields[1]}, {fields[2]}" : "unknown";
    }

    public static string Describe() =>
        $"{Cores} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
        $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC";

    /// <summary>Starts a new peak of the resident set (Linux: <c>echo 5 &gt; /proc/self/clear_refs</c>).</summary>
    public static void ResetPeakResidentSet()
    {
        if (File.Exists("/proc/self/clear_refs"))
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
    }

    /// <summary>Peak resident set since the last reset, in bytes (VmHWM).</summary>
    public static long PeakResidentSetBytes() => StatusField("VmHWM:");

    public static long ResidentSetBytes() => StatusField("VmRSS:");

    private static long StatusField(string name)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return Environment.WorkingSet;
        }
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        var kb = line?[name.Length..].Trim().Split(' ')[0];
        return kb is null ? 0 : long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
    }
}
