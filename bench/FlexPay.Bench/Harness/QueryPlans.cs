using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FlexPay.Bench.Harness;

/// <summary>
/// While <see cref="ExplainAsync"/> runs, asks SQLite how it will run each command EF Core sends
/// (<c>EXPLAIN QUERY PLAN</c> with the command's own parameters, on its own connection), so the plans are those of
/// the code under test rather than of a copy of its query.
/// </summary>
internal sealed class QueryPlans : DbCommandInterceptor
{
    private JsonArray? _recording;

    /// <summary>Runs <paramref name="work"/> and returns each command it sent with its plan, indented as a tree.</summary>
    public async Task<JsonArray> ExplainAsync(Func<Task> work)
    {
        _recording = [];
        try
        {
            await work();
            return _recording;
        }
        finally
        {
            _recording = null;
        }
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await RecordAsync(command, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await RecordAsync(command, cancellationToken);
        return result;
    }

    private async Task RecordAsync(DbCommand command, CancellationToken ct)
    {
        if (_recording is not { } recording)
        {
            return;
        }
        await using var explain = (SqliteCommand)command.Connection!.CreateCommand();
        explain.Transaction = (SqliteTransaction?)command.Transaction;
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        foreach (SqliteParameter parameter in command.Parameters)
        {
            explain.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
        }
        var depth = new Dictionary<long, int> { [0] = -1 };
        var plan = new JsonArray();
        await using var reader = await explain.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var level = depth.GetValueOrDefault(reader.GetInt64(1)) + 1;
            depth[reader.GetInt64(0)] = level;
            plan.Add(new string(' ', 2 * level) + reader.GetString(3));
        }
        recording.Add(new JsonObject { ["sql"] = command.CommandText, ["plan"] = plan });
    }
}
