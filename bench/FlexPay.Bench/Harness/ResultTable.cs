using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlexPay.Bench.Harness;

/// <summary>A results table: printed as text and written, with the raw figures, as JSON under bench/results/.</summary>
internal sealed class ResultTable(string title, params string[] columns)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly List<string[]> _rows = [];

    public string Title => title;

    public void Add(params object[] cells) => _rows.Add([.. cells.Select(Format)]);

    public JsonArray ToJson() =>
        [.. _rows.Select(row => (JsonNode)new JsonObject(columns.Zip(row, (c, v) => KeyValuePair.Create(c, (JsonNode?)v))))];

    public string Render()
    {
        var widths = columns.Select((c, i) => Math.Max(c.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine(title);
        text.AppendLine(Line(columns, widths));
        text.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            text.AppendLine(Line(row, widths));
        }
        return text.ToString();
    }

    /// <summary>Writes the tables and the details of one run to bench/results/NAME-TIMESTAMP.json; returns the path.</summary>
    public static string Write(string scenario, IEnumerable<ResultTable> tables, JsonObject details)
    {
        var directory = Path.Combine(RepositoryRoot(), "bench", "results");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{scenario}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.json");
        var document = new JsonObject
        {
            ["scenario"] = scenario,
            ["finishedAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["machine"] = Machine.Describe(),
            ["loadAverageAtEnd"] = Machine.LoadAverage(),
            ["tables"] = new JsonObject(tables.Select(t => KeyValuePair.Create(t.Title, (JsonNode?)t.ToJson()))),
            ["details"] = details,
        };
        File.WriteAllText(path, document.ToJsonString(Indented));
        return path;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FlexPay.Admin.sln")))
            {
                return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }

    private static string Line(IEnumerable<string> cells, int[] widths) =>
        string.Join(" | ", cells.Select((c, i) => c.PadLeft(widths[i])));

    private static string Format(object value) => value switch
    {
        double d when double.IsNaN(d) => "-",
        double d => d.ToString(Math.Abs(d) >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
