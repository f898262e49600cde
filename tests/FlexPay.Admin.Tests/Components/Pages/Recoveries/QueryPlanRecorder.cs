using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FlexPay.Admin.Tests.Components.Pages.Recoveries;

/// <summary>
/// Asks SQLite how it runs each query EF Core sends (<c>EXPLAIN QUERY PLAN</c> with the command's own parameters), so a
/// test can check that the code under test reads an index rather than the table.
/// </summary>
internal sealed class QueryPlanRecorder : DbCommandInterceptor
{
    private readonly List<string> _steps = [];

    /// <summary>Every step of every plan, as SQLite words it ("SEARCH c USING INDEX …", "SCAN c").</summary>
    public IReadOnlyList<string> Steps => _steps;

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
        await using var explain = (SqliteCommand)command.Connection!.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        foreach (SqliteParameter parameter in command.Parameters)
        {
            explain.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
        }
        await using var reader = await explain.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            _steps.Add(reader.GetString(3));
        }
    }
}
