using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace FlexPay.Core.Persistence.Postgres;

/// <summary>
/// <see cref="FlexPayDbContext"/> on PostgreSQL. Its own type so that EF Core, which finds a context's migrations by its type,
/// applies the PostgreSQL migrations in <c>Persistence/Postgres/Migrations</c> and never the SQLite ones; and the search folds
/// letter case with <c>lower()</c>, which its <c>_Folded</c> indexes are made of (docs/decisions/014).
/// </summary>
public sealed class PostgresFlexPayDbContext(DbContextOptions<FlexPayDbContext> options) : FlexPayDbContext(options)
{
    protected override SqlExpression FoldCase(IReadOnlyList<SqlExpression> arguments) =>
        new SqlFunctionExpression("lower", arguments, nullable: true, argumentsPropagateNullability: [true], typeof(string), typeMapping: null);
}
