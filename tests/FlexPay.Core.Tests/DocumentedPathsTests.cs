using System.Text.RegularExpressions;
using FlexPay.Testing;

namespace FlexPay.Core.Tests;

/// <summary>
/// The maps in docs/ stay true as code moves: every file <c>docs/integration-rules.md</c> names exists and holds the
/// members named after it, and the decisions index lists exactly the decisions there are.
/// </summary>
public sealed partial class DocumentedPathsTests
{
    [Fact]
    public void Every_file_and_member_the_integration_rule_map_names_exists()
    {
        var rows = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "integration-rules.md"))
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| Rule ", StringComparison.Ordinal))
            .ToList();
        Assert.True(rows.Count >= 20, $"Only {rows.Count} rules were found in the map.");

        var missing = new List<string>();
        foreach (var row in rows)
        {
            var cells = row.Split(" | ");
            Assert.True(cells.Length == 4, $"A rule needs four cells (rule, source, enforced by, proven by): {row}");
            var proofs = Named(cells[3]);
            if (proofs.Count == 0)
            {
                missing.Add($"No test is named for: {cells[0]}");
            }
            foreach (var (path, members) in Named(cells[2]).Concat(proofs))
            {
                var file = Path.Combine(Repository.Root, path);
                if (!File.Exists(file))
                {
                    missing.Add($"{path} does not exist");
                    continue;
                }
                var text = File.ReadAllText(file);
                missing.AddRange(members.Where(m => !Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(m)}(?!\w)")).Select(m => $"{path} has no {m}"));
            }
        }
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Fact]
    public void The_decisions_index_links_every_decision_and_nothing_else()
    {
        var folder = Path.Combine(Repository.Root, "docs", "decisions");
        var decisions = Directory.GetFiles(folder, "???-*.md").Select(f => Path.GetFileName(f)).Order().ToList();
        var linked = DecisionLink().Matches(File.ReadAllText(Path.Combine(folder, "README.md"))).Select(m => m.Groups[1].Value).Order().ToList();

        Assert.Equal(decisions, linked);
        Assert.All(decisions, name => Assert.Contains(
            File.ReadLines(Path.Combine(folder, name)).Take(5), line => line.StartsWith("Status: ", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The files a cell names, each with the members named after it: in each <c>;</c>-separated part of the cell, a
    /// backticked repository path, then the backticked names that follow it.
    /// </summary>
    private static List<(string Path, List<string> Members)> Named(string cell)
    {
        var named = new List<(string Path, List<string> Members)>();
        foreach (var part in cell.Split(';'))
        {
            List<string>? members = null;
            foreach (var token in Backticked().Matches(part).Select(m => m.Groups[1].Value))
            {
                if (RepositoryPath().IsMatch(token))
                {
                    members = [];
                    named.Add((token, members));
                }
                else
                {
                    members?.Add(token);
                }
            }
        }
        return named;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^(src|tests|docs|bench)/[\w./-]+\.\w+$")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"\]\((\d{3}-[\w-]+\.md)\)")]
    private static partial Regex DecisionLink();
}
